package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// parseLevel reads a 1..5 level: a number ("4", "4.0"), a level name of the
// scheme ("Likely") or both ("4 Likely"). Empty is 0, allowed only when
// optional.
func parseLevel(raw string, labels []string, optional bool) (int, string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		if optional {
			return 0, ""
		}
		return 0, "is empty; choose a whole number from 1 to 5."
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f == math.Trunc(f) && f >= 1 && f <= 5 {
			return int(f), ""
		}
		return 0, "must be a whole number from 1 to 5."
	}
	for i, l := range labels {
		if strings.EqualFold(s, l) || strings.EqualFold(s, strconv.Itoa(i+1)+" "+l) {
			return i + 1, ""
		}
	}
	return 0, "must be a whole number from 1 to 5."
}

// parseEnum reads one of allowed, forgiving case and spaces for
// underscores ("In progress" is in_progress). Empty is "", allowed only
// when optional.
func parseEnum[T ~string](raw string, allowed []T, optional bool) (T, string) {
	s := strings.ToLower(strings.Join(strings.FieldsFunc(raw, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n' || r == '\r'
	}), "_"))
	if s == "" {
		if optional {
			return "", ""
		}
		return "", fmt.Sprintf("is empty; choose one of %s.", joinStrings(allowed, ", "))
	}
	if i := slices.Index(allowed, T(s)); i >= 0 {
		return allowed[i], ""
	}
	return "", fmt.Sprintf("must be one of %s.", joinStrings(allowed, ", "))
}

// maxSerial is 9999-12-31, the last date Excel knows.
const maxSerial = 2958465

// dateLayouts are the text dates accepted besides date cells: ISO first,
// then forms with a month name, which no language setting makes ambiguous.
var dateLayouts = []string{
	time.DateOnly, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04",
	"2006/01/02", "2 Jan 2006", "2 January 2006", "02-Jan-2006", "2-Jan-2006", "Jan 2, 2006", "January 2, 2006",
}

// parseDate reads a date cell (an Excel serial number, as Excel and
// LibreOffice store dates) or a text date, and returns it as YYYY-MM-DD.
// Empty is "".
func parseDate(raw string, date1904 bool) (string, string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", ""
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(f) || f < 1 || f >= maxSerial+1 {
			return "", "is not a date; write it as YYYY-MM-DD."
		}
		t, err := excelize.ExcelDateToTime(math.Floor(f), date1904)
		if err != nil {
			return "", "is not a date; write it as YYYY-MM-DD."
		}
		return t.Format(time.DateOnly), ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), ""
		}
	}
	return "", "is not a date; write it as YYYY-MM-DD (day and month in numbers are ambiguous)."
}

// parseName reads a short text such as an owner: surrounding spaces are
// dropped.
func parseName(raw string) (string, string) {
	s := strings.TrimSpace(normaliseLineEnds(raw))
	switch {
	case !utf8.ValidString(s):
		return "", "is not valid text."
	case utf8.RuneCountInString(s) > model.MaxNameLength:
		return "", fmt.Sprintf("is longer than %d characters.", model.MaxNameLength)
	}
	return s, ""
}

// parseText reads a long text such as notes, keeping it as written apart
// from line ends.
func parseText(raw string) (string, string) {
	s := normaliseLineEnds(raw)
	switch {
	case !utf8.ValidString(s):
		return "", "is not valid text."
	case utf8.RuneCountInString(s) > model.MaxTextLength:
		return "", fmt.Sprintf("is longer than %d characters.", model.MaxTextLength)
	}
	return s, ""
}

// levelText shows a level as the workbook does: "" for 0.
func levelText(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}
