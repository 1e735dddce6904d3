package search

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"pamphlet/generator/diag"
)

// crisisConcept is the concept of every word of the synonyms file's
// crisis: list. It has no postings: a query that finds it puts the crisis
// page first, whether or not that page uses the word.
const crisisConcept = "=crisis"

//go:embed synonyms.yaml
var defaultSynonyms []byte

// Synonyms are the groups of words a search treats as one idea
// (concepts), and the words that mark a search as a call for help. A
// Synonyms is not changed once made, and is safe for concurrent use.
type Synonyms struct {
	groups []group
}

// group is one idea: its concept term ("=bpd") and its phrases, each a
// sequence of folded words ("bpd"; "borderline", "personality",
// "disorder").
type group struct {
	concept string
	phrases [][]string
}

// HasCrisisWords reports whether any words mark a search as a call for
// help, so that it puts the crisis page first.
func (s *Synonyms) HasCrisisWords() bool {
	return slices.ContainsFunc(s.groups, func(g group) bool { return g.concept == crisisConcept && len(g.phrases) > 0 })
}

// DefaultSynonyms returns the theme's synonyms for the bundled site's
// field (borderline personality disorder and its treatments).
func DefaultSynonyms() *Synonyms {
	s, diags := ParseSynonyms("(theme) synonyms.yaml", defaultSynonyms)
	if diags.HasErrors() {
		panic("search: the theme's synonyms.yaml is broken: " + diags.String())
	}
	return s
}

// ParseSynonyms reads an English synonyms file (see synonyms.yaml in this
// package for the form). Its diagnostics name file and line and say what
// to do; what could be read is returned with them.
func ParseSynonyms(file string, data []byte) (*Synonyms, diag.List) {
	return ParseSynonymsFor("", file, data)
}

// ParseSynonymsFor reads the synonyms file of a language (BCP 47 tag; ""
// is English), as ParseSynonyms does: the language says which words are
// too common to make a phrase on their own.
func ParseSynonymsFor(tag, file string, data []byte) (*Synonyms, diag.List) {
	lang := languageOf(tag)
	var diags diag.List
	s := &Synonyms{}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlMessage(err)
		diags.Errorf(file, line, 0, "this is not valid YAML (%s): check that each group is a list in square brackets, like - [BPD, borderline personality disorder, EUPD]", msg)
		return s, diags
	}
	if len(doc.Content) == 0 {
		return s, diags // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Errorf(file, root.Line, root.Column, "the file should start with synonyms: (a list of groups of words) and may have crisis: (a list of words); it starts with something else")
		return s, diags
	}
	var crisis [][]string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "synonyms":
			s.readGroups(lang, file, v, &diags)
		case "crisis":
			crisis = append(crisis, readPhrases(lang, file, v, "crisis", &diags)...)
		default:
			diags.Errorf(file, k.Line, k.Column, "unknown key %q: a synonyms file has only synonyms: and crisis:", k.Value)
		}
	}
	if len(crisis) > 0 {
		s.groups = append(s.groups, group{concept: crisisConcept, phrases: crisis})
	}
	return s, diags
}

// yamlMessage splits the parser's "yaml: line 3: did not find ..." into
// the line and the rest, dropping "yaml: ", which means nothing to the
// people who write the file.
func yamlMessage(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil {
		_, msg, _ = strings.Cut(msg, ": ")
	}
	return line, msg
}

func (s *Synonyms) readGroups(lang *language, file string, v *yaml.Node, diags *diag.List) {
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(file, v.Line, v.Column, "synonyms: should be a list of groups, one a line, each like - [BPD, borderline personality disorder, EUPD]")
		return
	}
	for _, g := range v.Content {
		if g.Kind != yaml.SequenceNode {
			diags.Errorf(file, g.Line, g.Column, "%q is not a group: write each group as a list of two or more words in square brackets, like - [BPD, borderline personality disorder, EUPD]", g.Value)
			continue
		}
		phrases := readPhrases(lang, file, g, "synonyms", diags)
		if len(phrases) < 2 {
			what := "no usable words"
			if len(phrases) == 1 {
				what = "only one usable word"
			}
			diags.Errorf(file, g.Line, g.Column, "this group has %s: a group needs two or more words that mean the same thing, or should be removed", what)
			continue
		}
		s.groups = append(s.groups, group{concept: "=" + strings.Join(phrases[0], ""), phrases: phrases})
	}
}

// readPhrases reads a list of words or phrases, each folded and split into
// words as the index splits text.
func readPhrases(lang *language, file string, v *yaml.Node, key string, diags *diag.List) [][]string {
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(file, v.Line, v.Column, "%s: should be a list of words, like [suicide, kill myself]", key)
		return nil
	}
	var out [][]string
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode {
			diags.Errorf(file, n.Line, n.Column, "a %s entry should be a word or phrase, not a list or a group: remove the inner brackets", key)
			continue
		}
		words := phraseWords(n.Value)
		if len(words) == 0 {
			diags.Errorf(file, n.Line, n.Column, "%q has no letters or digits to search for: remove it", n.Value)
			continue
		}
		if !slices.ContainsFunc(words, func(w string) bool { return !lang.isStop(w) }) {
			diags.Errorf(file, n.Line, n.Column, "%q is made only of words too common to search for (%s): use a word that means something on its own", n.Value, strings.Join(words, ", "))
			continue
		}
		out = append(out, words)
		if len(words) > 1 && !strings.ContainsFunc(n.Value, unicode.IsSpace) {
			out = append(out, []string{strings.Join(words, "")}) // self-harm is also selfharm
		}
	}
	return out
}

// phraseWords splits a phrase of the synonyms file into folded words, the
// parts of compounds in place of the compound ("self-harm" is "self",
// "harm"): readPhrases adds the joined form ("selfharm") as a phrase of
// its own.
func phraseWords(s string) []string {
	var t tokenizer
	t.split(s)
	var out []string
	for _, w := range t.words {
		if !w.joined {
			out = append(out, string(t.word(w)))
		}
	}
	return out
}

// With returns the synonyms of s and o together: a group of o that
// shares a word or phrase with a group of s joins it.
func (s *Synonyms) With(o *Synonyms) *Synonyms {
	if o == nil {
		return s
	}
	out := &Synonyms{groups: slices.Clone(s.groups)}
	for _, g := range o.groups {
		joined := false
		for i := range out.groups {
			if out.groups[i].concept == g.concept || out.groups[i].shares(g) {
				merged := out.groups[i]
				merged.phrases = slices.Clone(merged.phrases)
				for _, p := range g.phrases {
					if !merged.has(p) {
						merged.phrases = append(merged.phrases, p)
					}
				}
				out.groups[i] = merged
				joined = true
				break
			}
		}
		if !joined {
			out.groups = append(out.groups, g)
		}
	}
	return out
}

func (g group) has(p []string) bool {
	return slices.ContainsFunc(g.phrases, func(q []string) bool { return slices.Equal(p, q) })
}

func (g group) shares(o group) bool {
	if g.concept == crisisConcept || o.concept == crisisConcept {
		return false // crisis words join only the crisis list
	}
	return slices.ContainsFunc(o.phrases, g.has)
}

// String lists the groups, one a line, for tests and messages.
func (s *Synonyms) String() string {
	var b strings.Builder
	for _, g := range s.groups {
		fmt.Fprintf(&b, "%s:", g.concept)
		for _, p := range g.phrases {
			fmt.Fprintf(&b, " [%s]", strings.Join(p, " "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
