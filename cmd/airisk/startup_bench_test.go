package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"airisk/model"
	"airisk/storage"
)

// BenchmarkStartup1000 measures the real binary under the X display from
// start to its first visible window on a project of 1,000 elements and
// 2,000 flows, and its peak memory (maximum resident set size) over the
// run. Targets (issue 4): at most 1.5 s and 250 MiB.
func BenchmarkStartup1000(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("no X display: run make bench, or start Xvfb and set DISPLAY")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		b.Skip("xdotool is not installed")
	}
	db := filepath.Join(b.TempDir(), "airisk.db")
	seedLarge(b, db, 1000)
	var total time.Duration
	var peakKiB int64
	for i := 0; i < b.N; i++ {
		d, rss := startOnce(b, db)
		total += d
		peakKiB = max(peakKiB, rss)
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/first-window")
	b.ReportMetric(float64(peakKiB)/1024, "MiB-peak-rss")
}

// startOnce starts the app, waits for its window, quits it and returns the
// time to the window and the peak memory in KiB.
func startOnce(b *testing.B, db string) (time.Duration, int64) {
	cmd := exec.Command(binary, "--db", db, "--open", "large")
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	wait := exec.Command("timeout", "30", "xdotool", "search", "--sync", "--onlyvisible", "--pid", fmt.Sprint(cmd.Process.Pid))
	out, err := wait.Output()
	elapsed := time.Since(start)
	if err != nil {
		cmd.Process.Kill()
		b.Fatalf("no window within 30 s: %v", err)
	}
	time.Sleep(3 * time.Second) // let the diagram and findings draw, so the peak counts them
	_ = exec.Command("xdotool", "windowfocus", "--sync", string(out[:len(out)-1]), "key", "--clearmodifiers", "ctrl+q").Run()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return elapsed, rss
}

// seedLarge stores a synthetic project "large" with n elements spread over
// every kind, two flows per element and a few boundaries.
func seedLarge(b *testing.B, path string, n int) {
	b.Helper()
	db, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Create(largeProject(n)); err != nil {
		b.Fatal(err)
	}
}

func largeProject(n int) *model.Project {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	p := &model.Project{Meta: model.ProjectMeta{ID: "large", Name: "Large synthetic system", Created: now, Updated: now}}
	for i := 0; i < 10; i++ {
		p.Boundaries = append(p.Boundaries, model.Boundary{ID: fmt.Sprintf("b%d", i), Name: fmt.Sprintf("Zone %d", i),
			Kind: model.BoundaryOrganisation, X: float64(i%5) * 2200, Y: float64(i/5) * 2400, W: 2100, H: 2300})
	}
	for i := 0; i < n; i++ {
		k := model.Kinds[i%len(model.Kinds)].Kind
		zone := i % 10
		p.Elements = append(p.Elements, model.Element{ID: fmt.Sprintf("e%d", i), Kind: k, Name: fmt.Sprintf("%s %d", k.Name(), i),
			Boundary: fmt.Sprintf("b%d", zone), Props: model.Props{"handles_personal_data": true},
			X: float64(zone%5)*2200 + 40 + float64(i/10%10)*200, Y: float64(zone/5)*2400 + 40 + float64(i/100)*200})
	}
	for i := 0; i < 2*n; i++ {
		from, to := i%n, (i*7+1)%n
		if from == to {
			to = (to + 1) % n
		}
		p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("f%d", i), From: fmt.Sprintf("e%d", from), To: fmt.Sprintf("e%d", to),
			Name: "data", Props: model.Props{"carries": []string{"prompts"}}})
	}
	return p
}
