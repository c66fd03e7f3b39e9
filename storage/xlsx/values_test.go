package xlsx

import (
	"testing"

	"airisk/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, raw string
		date1904  bool
		want      string
		ok        bool
	}{
		{"empty", "", false, "", true},
		{"iso", "2026-12-15", false, "2026-12-15", true},
		{"iso with spaces", " 2026-12-15 ", false, "2026-12-15", true},
		{"serial", "46371", false, "2026-12-15", true},
		{"serial with time", "46371.75", false, "2026-12-15", true},
		{"serial 1904", "44909", true, "2026-12-15", true},
		{"iso date-time", "2026-12-15T13:00:00", false, "2026-12-15", true},
		{"iso date-time zone", "2026-12-15T13:00:00+01:00", false, "2026-12-15", true},
		{"month name", "15 Dec 2026", false, "2026-12-15", true},
		{"excel style", "15-Dec-2026", false, "2026-12-15", true},
		{"us month name", "Dec 15, 2026", false, "2026-12-15", true},
		{"slashes year first", "2026/12/15", false, "2026-12-15", true},
		{"ambiguous", "03/04/2027", false, "", false},
		{"impossible", "2026-02-30", false, "", false},
		{"negative serial", "-5", false, "", false},
		{"huge serial", "1e300", false, "", false},
		{"nan", "NaN", false, "", false},
		{"words", "next week", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := parseDate(tt.raw, tt.date1904)
			if got != tt.want || (why == "") != tt.ok {
				t.Errorf("parseDate(%q): got %q (%q), want %q ok=%v", tt.raw, got, why, tt.want, tt.ok)
			}
		})
	}
}

func TestParseLevel(t *testing.T) {
	labels := model.DefaultScoring().LikelihoodLabels
	tests := []struct {
		name, raw string
		optional  bool
		want      int
		ok        bool
	}{
		{"number", "4", false, 4, true},
		{"float form", "4.0", false, 4, true},
		{"label", "likely", false, 4, true},
		{"number and label", "4 Likely", false, 4, true},
		{"empty optional", "", true, 0, true},
		{"empty required", " ", false, 0, false},
		{"zero", "0", false, 0, false},
		{"six", "6", false, 0, false},
		{"fraction", "2.5", false, 0, false},
		{"inf", "Inf", false, 0, false},
		{"words", "very", false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := parseLevel(tt.raw, labels, tt.optional)
			if got != tt.want || (why == "") != tt.ok {
				t.Errorf("parseLevel(%q): got %d (%q), want %d ok=%v", tt.raw, got, why, tt.want, tt.ok)
			}
		})
	}
}

func TestParseEnum(t *testing.T) {
	tests := []struct {
		raw  string
		want model.RiskStatus
		ok   bool
	}{
		{"open", model.RiskOpen, true},
		{"In progress", model.RiskInProgress, true},
		{" IN-PROGRESS ", model.RiskInProgress, true},
		{"in__progress", model.RiskInProgress, true},
		{"", "", false},
		{"done", "", false},
	}
	for _, tt := range tests {
		got, why := parseEnum(tt.raw, model.RiskStatuses, false)
		if got != tt.want || (why == "") != tt.ok {
			t.Errorf("parseEnum(%q): got %q (%q), want %q ok=%v", tt.raw, got, why, tt.want, tt.ok)
		}
	}
}

func TestCellText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "abc", "abc"},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"control character", "a\x01b", "a\uFFFDb"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		if got := cellText(tt.in); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	long := make([]rune, maxCellChars)
	for i := range long {
		long[i] = '𝔸' // two UTF-16 units each
	}
	if got := []rune(cellText(string(long))); len(got) != maxCellChars/2 {
		t.Errorf("long text: got %d characters, want %d", len(got), maxCellChars/2)
	}
}
