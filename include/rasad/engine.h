// Engine: the one entry point of the rasad library.
//
//   auto engine = rasad::Engine::Open("data");          // loads and checks the dictionaries
//   if (!engine.ok()) { ... engine.status().message() ... }
//   std::vector<rasad::Event> events = engine.value()->Code(article, &diagnostics);
//
// The engine is immutable after Open() and safe to share across threads: Code() may run concurrently.
#ifndef RASAD_ENGINE_H_
#define RASAD_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "rasad/article.h"
#include "rasad/event.h"
#include "rasad/status.h"

namespace rasad {

class Lexicon;

class Engine {
 public:
  // Compiles the dictionary sources under `data_dir` in memory and opens them. Returns an error naming file
  // and line on a bad entry. For dictionary work; a deployment opens the compiled file instead.
  static Result<std::shared_ptr<const Engine>> Open(const std::string& data_dir);

  // Maps the compiled lexicon file `lexicon_path` (see `rasad dict compile`). Refuses a corrupt file, one of
  // another format version, or a stale one: compiled from sources other than those now under `sources_dir`
  // (empty: not checked).
  static Result<std::shared_ptr<const Engine>> OpenCompiled(const std::string& lexicon_path,
                                                            const std::string& sources_dir);

  // Returns the events of `article`, in text order, one per (date, source, target, code). Appends warnings
  // about the article's text (e.g. an unresolvable date) to *diagnostics when it is not null. Never fails.
  std::vector<Event> Code(const Article& article, std::vector<std::string>* diagnostics = nullptr) const;

  // Counts of what one article's analysis saw; filled by Code() when `stats` is not null.
  struct Stats {
    size_t sentences = 0;
    size_t tokens = 0;
    // When not null, receives every actor the analysis resolved (places excluded), coded on the
    // publication date, with its span: what `rasad code --actors` prints.
    std::vector<Actor>* actors = nullptr;
    // When not null, receives a readable account of the analysis: each sentence's words with their
    // analyses, its actors, its triggers and what became of each, then how the candidates were settled.
    // What `rasad explain` prints.
    std::string* explain = nullptr;
  };
  std::vector<Event> Code(const Article& article, std::vector<std::string>* diagnostics, Stats* stats) const;

  const Lexicon& lexicon() const { return *lexicon_; }
  ~Engine();

 private:
  Engine() = default;
  static Result<std::shared_ptr<const Engine>> FromLexicon(Result<Lexicon> lexicon);
  std::unique_ptr<const Lexicon> lexicon_;
  bool debug_ = false;  // RASAD_DEBUG set: print the explanation of every article to stderr
};

// Returns the directory of rasad's dictionary sources: $RASAD_DATA when set, else the source tree's data/.
std::string DefaultDataDir();
// Returns the compiled lexicon: $RASAD_LEXICON when set, else the one the build wrote (build/rasad.lex).
std::string DefaultLexiconPath();

}  // namespace rasad

#endif  // RASAD_ENGINE_H_
