// Fuzz target: the compiled-lexicon loader (Lexicon::Open over image::Reader). The first byte picks a mode:
//   0  the rest of the input is the file, as is;
//   1  a valid image of the tiny dictionary, patched by the rest of the input (3 bytes a patch: a 16-bit
//      offset into the image, a byte to XOR in), its checksum left stale: it must be refused when a byte
//      the checksum covers changed;
//   2  the same patches with the checksum recomputed: the loader must refuse the image or open one that can
//      be read everywhere without reading out of bounds (every phrase, hit, record, place).
//   3  like 2, and the input after the patches is appended to the image (file size and checksum updated).
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>

#include "fuzz_common.h"
#include "lexicon/image.h"
#include "tiny_dictionary.h"

namespace {

using rasad::Lexicon;

const std::string& TinyImage() {
  static const std::string* image = [] {
    const std::string dir = rasad::fuzz::ScratchDir("image") + "/data";
    std::filesystem::create_directories(dir);
    rasad::fuzz::WriteTinyDictionary(dir);
    const std::string path = rasad::fuzz::ScratchDir("image") + "/tiny.lex";
    rasad::Status s = Lexicon::Compile(dir, path);
    if (!s.ok()) {
      std::fprintf(stderr, "fuzz: cannot compile the tiny dictionary: %s\n", s.message().c_str());
      std::abort();
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return new std::string(bytes.str());
  }();
  return *image;
}

void Recompute(std::string* image) {
  rasad::image::Header header;
  std::memcpy(&header, image->data(), sizeof(header));
  header.checksum = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(image->data() + sizeof(header)),
                                                static_cast<uInt>(image->size() - sizeof(header))));
  std::memcpy(image->data(), &header, sizeof(header));
}

// Reads everything an opened lexicon offers, as the engine would.
void ReadAll(const Lexicon& lex) {
  using namespace rasad;
  size_t sum = 0;
  lex.ForEachPhrase([&](std::string_view key, std::span<const LexHit> hits) {
    sum += lex.Find(key).size() + lex.HasLonger(key) + lex.Known(key);
    for (const LexHit& h : hits) {
      switch (h.kind) {
        case LexHit::Kind::kEntity: {
          const Entity& e = lex.entity(h.index);
          sum += e.CodeOn(Date{2021, 7, 27}).size() + e.CodeOn(Date()).size() + e.name.size();
          break;
        }
        case LexHit::Kind::kAgent: sum += lex.agent(h.index).roles.size(); break;
        case LexHit::Kind::kNisba: sum += lex.CountryName(lex.nisba(h.index).country).size(); break;
        case LexHit::Kind::kTrigger: {
          const Trigger& t = lex.trigger(h.index);
          sum += t.objects.size() + t.frame.preps.size() + (lex.cameo(t.code) != nullptr);
          break;
        }
        case LexHit::Kind::kFunction: sum += lex.function_word(h.index).value.size(); break;
        case LexHit::Kind::kTime: sum += static_cast<size_t>(lex.time_word(h.index).value); break;
      }
    }
    for (uint32_t id : lex.FindPlaces(key)) sum += lex.place(id).name.size();
    sum += lex.HasLongerPlace(key);
  });
  for (uint32_t i = 0; i < lex.place_count(); ++i) sum += lex.place(i).country.size() + lex.place(i).origin.size();
  for (std::string_view word : {"الجزائر", "تونس", "زار", "وزير الخارجية", "أمس"}) {
    const std::string key = PhraseKey(word);
    sum += lex.Find(key).size() + lex.FindPlaces(key).size() + lex.Known(key) + lex.HasLonger(key);
  }
  RASAD_FUZZ_CHECK(sum != static_cast<size_t>(-1));  // keeps the reads
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rasad;
  if (size == 0) return 0;
  const std::string path = fuzz::ScratchDir("image") + "/input.lex";
  const int mode = data[0] % 4;
  std::string bytes;
  if (mode == 0) {
    bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  } else {
    bytes = TinyImage();
    size_t i = 1;
    const size_t patches = mode == 3 ? std::min<size_t>((size - 1) / 3, data[0] / 4) : (size - 1) / 3;
    for (size_t p = 0; p < patches; ++p, i += 3) {
      const size_t at = (data[i] | (static_cast<size_t>(data[i + 1]) << 8)) % bytes.size();
      bytes[at] = static_cast<char>(bytes[at] ^ data[i + 2]);
    }
    if (mode == 3 && i < size) {
      bytes.append(reinterpret_cast<const char*>(data) + i, size - i);
      const uint64_t file_size = bytes.size();
      std::memcpy(bytes.data() + offsetof(image::Header, file_size), &file_size, sizeof(file_size));
    }
    if (mode >= 2) Recompute(&bytes);
  }
  fuzz::WriteFile(path, bytes);
  auto lex = Lexicon::Open(path, "");
  const size_t h = sizeof(image::Header);
  if (mode == 1 && bytes.compare(h, std::string::npos, TinyImage(), h, std::string::npos) != 0) {
    RASAD_FUZZ_CHECK(!lex.ok());  // a byte the checksum covers changed
  }
  if (lex.ok()) ReadAll(lex.value());
  // The reader alone, over the bytes in memory.
  auto reader = image::Reader::Open(bytes, "fuzz");
  if (reader.ok()) {
    for (uint32_t id = 0; id <= static_cast<uint32_t>(image::SectionId::kPlacePrefixes) + 1; ++id) {
      const std::string_view s = reader.value().Section(static_cast<image::SectionId>(id));
      RASAD_FUZZ_CHECK(s.empty() || (s.data() >= bytes.data() && s.data() + s.size() <= bytes.data() + bytes.size()));
    }
  }
  return 0;
}
