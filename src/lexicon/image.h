// The compiled lexicon file: one checksummed, versioned binary image of every dictionary, mapped into memory
// and used in place.
//
// Layout (little-endian; every section 8-byte aligned):
//   Header       magic "RASADLEX", format version, section count, file size, CRC-32 of everything after the
//                header, CRC-32 of the dictionary sources it was compiled from (for staleness)
//   directory    one {id, offset, size} per section
//   sections     the string pool; fixed-size records of entities, tenures, agents, nisbas, triggers,
//                function words, time words, CAMEO codes, countries; the hits of each phrase; and three
//                open-addressing hash tables (phrases, their proper prefixes, the single-word vocabulary)
//                keyed by the CRC-32 of the phrase key, probed linearly; the gazetteer's places with two
//                tables of their own (names, prefixes), apart from the phrases so that place names never
//                change how actors and triggers are read.
// The tables, the hits and the places, which hold nearly all of the bytes, are read in place; the record sections
// are small and are decoded into typed structs when the file is opened.
//
// Tested in image_test.cc and lexicon_test.cc.
#ifndef RASAD_LEXICON_IMAGE_H_
#define RASAD_LEXICON_IMAGE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "rasad/status.h"

namespace rasad {
namespace image {

inline constexpr char kMagic[8] = {'R', 'A', 'S', 'A', 'D', 'L', 'E', 'X'};
// Versions: 2 the gazetteer; 3 inverse triggers; 4 objective genitives; 5 verbal; 6 tables hashed by HashKey's
// multiply-shift, not CRC-32, slots tagged; 7 casualty triggers, outlets, weapon agents.
inline constexpr uint32_t kFormatVersion = 7;

enum class SectionId : uint32_t {
  kStrings = 1,
  kEntities,
  kTenures,
  kAgents,
  kNisbas,
  kTriggers,
  kStringRefs,
  kFunctions,
  kTimes,
  kCameo,
  kCountries,
  kHits,
  kPhrases,
  kPrefixes,
  kVocabulary,
  kPlaces,         // PlaceRec records of the gazetteer
  kPlaceIds,       // uint32 indexes into kPlaces, the meanings of each place name
  kPlaceNames,     // hash table: place name key -> range of kPlaceIds
  kPlacePrefixes,  // hash table: proper prefixes of place names (longest match)
  kOutlets,        // CountryRec-shaped: outlet name -> "TUN localNews politic" (home country, home sections)
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t section_count;
  uint64_t file_size;
  uint32_t checksum;     // CRC-32 of bytes [sizeof(Header), file_size)
  uint32_t source_hash;  // CRC-32 of the dictionary sources
  uint64_t reserved[3];
};
static_assert(sizeof(Header) == 56);

struct SectionEntry {
  uint32_t id;
  uint32_t reserved;
  uint64_t offset;
  uint64_t size;
};
static_assert(sizeof(SectionEntry) == 24);

// A string in the pool.
struct StrRef {
  uint32_t offset;
  uint32_t length;
};

// A slot of a hash table; an empty slot has key.length == 0. Sets use hits_begin = hits_count = 0. The tag
// (the top 16 bits of the key's hash) is compared before the key, so that a probe of another key seldom
// reads the string pool: most lookups are of words that are not in the table.
struct Slot {
  StrRef key;
  uint32_t hits_begin;
  uint16_t hits_count;
  uint16_t tag;
};
inline constexpr size_t kMaxHitsPerKey = UINT16_MAX;
static_assert(sizeof(Slot) == 16);

// Returns the hash of a table key: 8 bytes at a time, each mixed in by a multiply and a shift, then a final
// avalanche (the finaliser of MurmurHash3's 64-bit variant). Words are read little-endian, so the hash, and
// the tables laid out by it, are the same on every machine rasad runs on (x86-64, ARM64). Inline, because a
// lookup is mostly this and one probe; CRC-32 through zlib cost a tenth of coding time in calls alone.
inline uint64_t HashKey(std::string_view key) {
  constexpr uint64_t kMul = 0xff51afd7ed558ccdULL;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ key.size();
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, key.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  if (i < key.size()) {
    uint64_t w = 0;
    std::memcpy(&w, key.data() + i, key.size() - i);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint16_t HashTag(uint64_t hash) { return static_cast<uint16_t>(hash >> 48); }

// Builds an image: strings are pooled, sections appended in any order.
class Writer {
 public:
  // Returns a reference to `s` in the pool (identical strings are stored once).
  StrRef Intern(std::string_view s);
  // Adds a section of raw bytes.
  void AddSection(SectionId id, const void* data, size_t size);
  template <typename T>
  void AddSection(SectionId id, const std::vector<T>& records) {
    AddSection(id, records.data(), records.size() * sizeof(T));
  }
  // Returns the finished image, with the pool as its strings section.
  std::string Finish(uint32_t source_hash);

 private:
  std::string pool_;
  std::vector<std::pair<SectionId, std::string>> sections_;
  std::vector<std::pair<std::string, StrRef>> interned_;
  std::vector<uint32_t> buckets_;  // hash -> 1 + index into interned_ (open addressing)
};

// Builds an open-addressing table of `keys` (each with its hits range) for the Slot layout.
std::vector<Slot> BuildTable(Writer* writer, const std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>>& keys);

// A validated image in memory: its header and sections.
class Reader {
 public:
  // Checks magic, version, size and checksum of `bytes` (which must outlive the reader). `what` names the
  // file in messages.
  static Result<Reader> Open(std::string_view bytes, const std::string& what);

  uint32_t source_hash() const { return header_->source_hash; }
  // Returns a section's bytes (empty when the image has none).
  std::string_view Section(SectionId id) const;
  template <typename T>
  const T* Records(SectionId id, size_t* count) const {
    std::string_view s = Section(id);
    *count = s.size() / sizeof(T);
    return reinterpret_cast<const T*>(s.data());
  }
  std::string_view String(StrRef ref) const { return strings_.substr(ref.offset, ref.length); }

 private:
  std::string_view bytes_;
  const Header* header_ = nullptr;
  std::string_view strings_;
};

// A read-only view of a hash table section: finds a key's slot.
class Table {
 public:
  Table() = default;
  Table(const Slot* slots, size_t count, std::string_view strings) : slots_(slots), count_(count), strings_(strings) {}
  // Returns the slot of `key`, or nullptr.
  const Slot* Find(std::string_view key) const;
  size_t capacity() const { return count_; }
  const Slot* slots() const { return slots_; }

 private:
  const Slot* slots_ = nullptr;
  size_t count_ = 0;  // a power of two
  std::string_view strings_;
};

}  // namespace image
}  // namespace rasad

#endif  // RASAD_LEXICON_IMAGE_H_
