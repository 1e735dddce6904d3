package i18n

import "golang.org/x/text/language"

// Dir returns "rtl" for a language whose script is written right to left,
// and "ltr" for any other or for a tag that cannot be read. The script is
// the tag's own (az-Arab) or, when it names none, the language's likely
// one (ar, fa and ur are written in Arabic script, he and yi in Hebrew).
func Dir(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return "ltr"
	}
	script, _ := t.Script()
	if rightToLeft(script.String()) {
		return "rtl"
	}
	return "ltr"
}

// rightToLeft reports whether an ISO 15924 script is written right to
// left, by Unicode's bidirectional classes of the script's letters.
func rightToLeft(script string) bool {
	switch script {
	case "Arab", "Aran", // Arabic (Arabic, Persian, Urdu, Pashto, Sorani, Sindhi, Uyghur), and its Nastaliq form
		"Hebr",                 // Hebrew (Hebrew, Yiddish, Ladino)
		"Syrc",                 // Syriac
		"Thaa",                 // Thaana (Dhivehi)
		"Nkoo",                 // N'Ko
		"Adlm",                 // Adlam (Fula)
		"Rohg",                 // Hanifi Rohingya
		"Mand",                 // Mandaic
		"Samr",                 // Samaritan
		"Mend",                 // Mende Kikakui
		"Yezi",                 // Yezidi
		"Chrs", "Elym", "Hatr", // historic scripts from here on
		"Armi", "Avst", "Cprt", "Hung", "Khar", "Lydi", "Mani", "Narb", "Nbat",
		"Orkh", "Ougr", "Palm", "Phli", "Phlp", "Phnx", "Prti", "Sarb", "Sogd", "Sogo":
		return true
	}
	return false
}
