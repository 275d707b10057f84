// Writing and validating lexicon images. The writer pools strings and lays sections out 8-byte aligned after
// the header and directory; the reader checks every length against the buffer before anything points into
// it, so a truncated or corrupt file is an error, never a crash. Tested in image_test.cc.
#include "lexicon/image.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace rasad {
namespace image {
namespace {

constexpr size_t kAlign = 8;

void Pad(std::string* s) {
  while (s->size() % kAlign != 0) s->push_back('\0');
}

size_t TableCapacity(size_t keys) {
  size_t capacity = 16;
  while (capacity < keys * 2) capacity <<= 1;  // load factor at most 1/2
  return capacity;
}

}  // namespace

StrRef Writer::Intern(std::string_view s) {
  // Open addressing over interned_, growing at half load.
  if (buckets_.size() < (interned_.size() + 1) * 2) {
    buckets_.assign(TableCapacity(interned_.size() + 1) * 2, 0);
    for (uint32_t i = 0; i < interned_.size(); ++i) {
      size_t b = HashKey(interned_[i].first) & (buckets_.size() - 1);
      while (buckets_[b] != 0) b = (b + 1) & (buckets_.size() - 1);
      buckets_[b] = i + 1;
    }
  }
  size_t b = HashKey(s) & (buckets_.size() - 1);
  while (buckets_[b] != 0) {
    const auto& [text, ref] = interned_[buckets_[b] - 1];
    if (text == s) return ref;
    b = (b + 1) & (buckets_.size() - 1);
  }
  StrRef ref{static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(s.size())};
  pool_.append(s);
  interned_.emplace_back(std::string(s), ref);
  buckets_[b] = static_cast<uint32_t>(interned_.size());
  return ref;
}

void Writer::AddSection(SectionId id, const void* data, size_t size) {
  sections_.emplace_back(id, std::string(static_cast<const char*>(data), size));
}

std::string Writer::Finish(uint32_t source_hash) {
  sections_.emplace_back(SectionId::kStrings, pool_);
  std::string out(sizeof(Header) + sections_.size() * sizeof(SectionEntry), '\0');
  Pad(&out);
  std::vector<SectionEntry> directory;
  for (const auto& [id, bytes] : sections_) {
    directory.push_back({static_cast<uint32_t>(id), 0, out.size(), bytes.size()});
    out += bytes;
    Pad(&out);
  }
  std::memcpy(out.data() + sizeof(Header), directory.data(), directory.size() * sizeof(SectionEntry));
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.version = kFormatVersion;
  header.section_count = static_cast<uint32_t>(directory.size());
  header.file_size = out.size();
  header.source_hash = source_hash;
  header.checksum = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(out.data() + sizeof(Header)),
                                                static_cast<uInt>(out.size() - sizeof(Header))));
  std::memcpy(out.data(), &header, sizeof(Header));
  return out;
}

std::vector<Slot> BuildTable(Writer* writer,
                             const std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>>& keys) {
  std::vector<Slot> slots(TableCapacity(keys.size()), Slot{{0, 0}, 0, 0, 0});
  const size_t mask = slots.size() - 1;
  for (const auto& [key, hits] : keys) {
    const uint64_t hash = HashKey(key);
    size_t b = hash & mask;
    while (slots[b].key.length != 0) b = (b + 1) & mask;
    slots[b] = Slot{writer->Intern(key), hits.first, static_cast<uint16_t>(std::min<size_t>(hits.second, kMaxHitsPerKey)),
                    HashTag(hash)};
  }
  return slots;
}

Result<Reader> Reader::Open(std::string_view bytes, const std::string& what) {
  Reader r;
  r.bytes_ = bytes;
  if (bytes.size() < sizeof(Header) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return Status::Error(fmt::format("{}: not a rasad lexicon file (bad magic)", what));
  }
  r.header_ = reinterpret_cast<const Header*>(bytes.data());
  if (r.header_->version != kFormatVersion) {
    return Status::Error(fmt::format("{}: lexicon format version {} but this rasad reads version {}; run `rasad dict "
                                     "compile`", what, r.header_->version, kFormatVersion));
  }
  if (r.header_->file_size != bytes.size()) {
    return Status::Error(fmt::format("{}: truncated or padded lexicon file ({} bytes, header says {})", what,
                                     bytes.size(), r.header_->file_size));
  }
  const uint32_t crc = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(bytes.data() + sizeof(Header)),
                                                   static_cast<uInt>(bytes.size() - sizeof(Header))));
  if (crc != r.header_->checksum) {
    return Status::Error(fmt::format("{}: corrupt lexicon file (checksum mismatch)", what));
  }
  const size_t directory_end = sizeof(Header) + static_cast<size_t>(r.header_->section_count) * sizeof(SectionEntry);
  if (directory_end > bytes.size()) return Status::Error(fmt::format("{}: corrupt section directory", what));
  const auto* dir = reinterpret_cast<const SectionEntry*>(bytes.data() + sizeof(Header));
  for (uint32_t i = 0; i < r.header_->section_count; ++i) {
    if (dir[i].offset % kAlign != 0 || dir[i].offset > bytes.size() || dir[i].size > bytes.size() - dir[i].offset) {
      return Status::Error(fmt::format("{}: corrupt section {}", what, dir[i].id));
    }
  }
  r.strings_ = r.Section(SectionId::kStrings);
  return r;
}

std::string_view Reader::Section(SectionId id) const {
  const auto* dir = reinterpret_cast<const SectionEntry*>(bytes_.data() + sizeof(Header));
  for (uint32_t i = 0; i < header_->section_count; ++i) {
    if (dir[i].id == static_cast<uint32_t>(id)) return bytes_.substr(dir[i].offset, dir[i].size);
  }
  return {};
}

const Slot* Table::Find(std::string_view key) const {
  if (count_ == 0 || key.empty()) return nullptr;
  const size_t mask = count_ - 1;
  const uint64_t hash = HashKey(key);
  const uint16_t tag = HashTag(hash);
  for (size_t b = hash & mask, probes = 0; probes < count_; b = (b + 1) & mask, ++probes) {
    const Slot& s = slots_[b];
    if (s.key.length == 0) return nullptr;
    if (s.tag == tag && s.key.length == key.size() && s.key.offset + s.key.length <= strings_.size() &&
        std::memcmp(strings_.data() + s.key.offset, key.data(), key.size()) == 0) {
      return &s;
    }
  }
  return nullptr;
}

}  // namespace image
}  // namespace rasad
