// Package yamldecode fills Go structs from YAML the way a settings file or
// a page's front matter should be read by people who are not programmers:
// every problem is a diagnostic with its file, line and column and a
// sentence that says what to write instead, and decoding never stops at
// the first one.
//
// It reads with go.yaml.in/yaml/v3, which gives the position of every
// node, and decodes the nodes itself, by each field's `yaml:"key"` tag:
//
//   - an unknown key is a warning that suggests the nearest known one;
//   - a key given twice, or a value of the wrong kind, is an error;
//   - a text field takes the scalar exactly as written, so "0800 123",
//     "01234" and "1.10" stay as they are instead of becoming numbers;
//   - a field whose type implements encoding.TextUnmarshaler (a date)
//     parses the scalar itself, and its error says how to write it;
//   - a single value where a list is expected is a list of one, and a
//     plain text where a group of keys is expected fills the group's
//     first field ("- Jane Doe" for "- name: Jane Doe").
//
// Decode also returns where each value stands (Positions), by its key
// path, so that later checks can point at the right line.
package yamldecode
