package main

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"airisk/storage"
)

// TestGUISmoke runs the real binary on the sample project under the X
// display (Xvfb in CI), waits for its window, takes a screenshot, checks it
// is not blank, quits with Ctrl+Q and checks the database is intact. It
// also runs inside a network namespace with no interfaces when the kernel
// allows one.
func TestGUISmoke(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X display: run through make test, which starts Xvfb")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs it)", tool)
		}
	}
	netns := false
	if exec.Command("unshare", "-rn", "true").Run() == nil {
		netns = true
	} else {
		t.Log("network namespaces are not allowed here: running the GUI with the network present")
	}
	db := filepath.Join(t.TempDir(), "airisk.db")
	cmd := guiCommand(netns, "--db", db, "--open", "support-assistant")
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the app: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	win := waitForWindow(t, cmd.Process.Pid, netns)
	time.Sleep(2 * time.Second) // let the first frames draw
	shot := filepath.Join(t.TempDir(), "shot.png")
	if out, err := exec.Command("import", "-window", "root", shot).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v: %s", err, out)
	}
	checkNotBlank(t, shot)
	if out, err := exec.Command("xdotool", "windowfocus", "--sync", win, "key", "--clearmodifiers", "ctrl+q").CombinedOutput(); err != nil {
		t.Logf("xdotool key: %v: %s", err, out)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the app exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the app did not quit on Ctrl+Q within 15 s")
	}
	checkDatabase(t, db)
}

func guiCommand(netns bool, args ...string) *exec.Cmd {
	if netns {
		return exec.Command("unshare", append([]string{"-rn", binary}, args...)...)
	}
	return exec.Command(binary, args...)
}

// waitForWindow waits for a visible window of the app and returns its id.
// Under unshare the app is a child of the unshare process, so the search
// is by window name instead of pid.
func waitForWindow(t *testing.T, pid int, netns bool) string {
	t.Helper()
	args := []string{"search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(pid)}
	if netns {
		args = []string{"search", "--sync", "--onlyvisible", "--name", "AI Risk Workbench"}
	}
	cmd := exec.Command("timeout", append([]string{"30", "xdotool"}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("no window appeared within 30 s: %v", err)
	}
	return strings.Fields(string(out))[0]
}

// checkNotBlank fails when the screenshot is (nearly) one colour.
func checkNotBlank(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	if n := colours(img); n < 16 {
		t.Errorf("the screenshot has %d colours: the window looks blank", n)
	}
}

func colours(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}

// checkDatabase opens the database the app used and loads the sample.
func checkDatabase(t *testing.T, path string) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatalf("reopen the database: %v", err)
	}
	defer db.Close()
	p, err := db.Load("support-assistant")
	if err != nil {
		t.Fatalf("load the sample after the app quit: %v", err)
	}
	if len(p.Elements) != 18 {
		t.Errorf("got %d elements, want the sample's 18", len(p.Elements))
	}
}

// TestGUISecondInstance opens the same database twice: the second window
// must explain that the database is open elsewhere instead of hanging.
func TestGUISecondInstance(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X display: run through make test, which starts Xvfb")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Skip("xdotool is not installed (make test installs it)")
	}
	db := filepath.Join(t.TempDir(), "airisk.db")
	first := exec.Command(binary, "--db", db)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	firstWin := waitForWindow(t, first.Process.Pid, false)
	second := exec.Command(binary, "--db", db)
	var stderr strings.Builder
	second.Stderr = &stderr
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	defer second.Process.Kill()
	done := make(chan error, 1)
	go func() { done <- second.Wait() }()
	win := waitForWindow(t, second.Process.Pid, false)
	out, _ := exec.Command("xdotool", "getwindowname", win).Output()
	if !strings.Contains(string(out), "database already open") {
		t.Errorf("second window is named %q, want it to say the database is already open", out)
	}
	_ = exec.Command("xdotool", "windowfocus", "--sync", win, "key", "--clearmodifiers", "ctrl+q").Run()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the second instance exited with %v: %s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the second instance did not quit on Ctrl+Q")
	}
	_ = exec.Command("xdotool", "windowfocus", "--sync", firstWin, "key", "--clearmodifiers", "ctrl+q").Run()
}
