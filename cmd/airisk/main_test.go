package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the airisk program built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "airisk-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "airisk")
	// The tests and benchmarks run the binary as the Makefile builds it,
	// without Fyne's bundled emoji font (see GOFLAGS there).
	build := exec.Command("go", "build", "-tags", "no_emoji", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build airisk:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// airisk runs the binary with args; netns runs it inside a network
// namespace with no interfaces.
func airisk(t *testing.T, netns bool, args ...string) result {
	t.Helper()
	name, argv := binary, args
	if netns {
		name, argv = "unshare", append([]string{"-rn", binary}, args...)
	}
	cmd := exec.Command(name, argv...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run airisk %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// sampleFile writes the bundled sample to a temp file and returns its path.
func sampleFile(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../assets/samples/support-assistant.airisk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.airisk.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
