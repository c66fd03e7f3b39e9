package storage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"airisk/model"
)

const (
	crashStartEnv = "AIRISK_STORAGE_TEST_START"
	crashProject  = "crash"
	crashKills    = 60
)

// crashWriter is the child of TestCrashDurability: it applies edits in a
// loop, starting at element number start, and prints "ack N" after each
// edit the store has acknowledged.
func crashWriter(path, start string) int {
	n, err := strconv.Atoi(start)
	if err != nil {
		fmt.Println("error bad start", start)
		return 2
	}
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	p := &model.Project{Meta: model.ProjectMeta{ID: crashProject, Name: "Crash test"}}
	p.Risks = []model.Risk{crashRisk(0)}
	if err := db.Create(p); err != nil && !errors.Is(err, ErrExists) {
		fmt.Println("error", err)
		return 1
	}
	fmt.Println("ready")
	for ; ; n++ {
		e := model.Element{ID: fmt.Sprintf("e%d", n), Kind: model.KindProcess, Name: fmt.Sprintf("Element %d", n),
			Description: strings.Repeat("x", n%500)}
		c := model.Change{Summary: e.Name, Ops: []model.Op{model.PutElement(e)}}
		if n%3 == 0 {
			c.Ops = append(c.Ops, model.PutRisk(crashRisk(n)))
		}
		if n%7 == 0 && n > 1 {
			c.Ops = append(c.Ops, model.PutElement(model.Element{ID: fmt.Sprintf("e%d", n-1), Kind: model.KindDataStore, Name: "Moved", X: float64(n)}))
		}
		if err := db.Apply(crashProject, c); err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Printf("ack %d\n", n)
	}
}

func crashRisk(n int) model.Risk {
	return model.Risk{ID: "R-001", Title: "Scores move", Likelihood: n%5 + 1, Impact: (n/5)%5 + 1,
		Treatment: model.TreatmentTreat, Status: model.RiskOpen}
}

// TestCrashDurability kills a writer process with SIGKILL at random moments
// and checks after each kill that the file is consistent and that every
// edit the writer acknowledged is there.
func TestCrashDurability(t *testing.T) {
	path := t.TempDir() + "/airisk.db"
	rng := rand.New(rand.NewPCG(7, 2026))
	acked := 0
	for kill := 1; kill <= crashKills; kill++ {
		delay := time.Duration(2+rng.IntN(99)) * time.Millisecond
		// Most kills land while edits are being written; every fourth may
		// land while the child is still opening the database.
		afterReady := kill%4 != 0
		got := runAndKill(t, path, acked+1, delay, afterReady)
		acked = max(acked, got)
		verifyAfterCrash(t, path, acked)
		if t.Failed() {
			t.Fatalf("kill %d: the database lost acknowledged edits or is corrupt", kill)
		}
	}
	if acked < crashKills {
		t.Errorf("only %d edits acknowledged in %d runs; the writer hardly ran", acked, crashKills)
	}
	t.Logf("survived %d SIGKILLs of the writer; %d acknowledged edits all present, consistency check clean every time", crashKills, acked)
}

// runAndKill starts a writer, kills it after delay (counted from when it
// has the database open, or from its start), and returns the highest edit
// it acknowledged.
func runAndKill(t *testing.T, path string, start int, delay time.Duration, afterReady bool) int {
	t.Helper()
	child := helper(t, "crash-writer", path, crashStartEnv+"="+strconv.Itoa(start))
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	ready, done := make(chan struct{}), make(chan struct{})
	highest := 0
	go func() {
		highest = readAcks(stdout, ready)
		close(done)
	}()
	if afterReady {
		select {
		case <-ready:
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("the writer did not open the database within 30s")
		}
	}
	time.Sleep(delay)
	_ = child.Process.Signal(syscall.SIGKILL)
	<-done
	err = child.Wait()
	if ws, ok := child.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Errorf("the writer ended on its own (%v) instead of being killed", err)
	}
	return highest
}

// readAcks reads the writer's output to its end and returns the highest
// acknowledged edit. A line cut short by the kill can only under-report.
func readAcks(stdout io.Reader, ready chan<- struct{}) int {
	n := 0
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line := sc.Text()
		if line == "ready" {
			close(ready)
			continue
		}
		if v, ok := strings.CutPrefix(line, "ack "); ok {
			if got, err := strconv.Atoi(v); err == nil {
				n = max(n, got)
			}
			continue
		}
		fmt.Fprintln(os.Stderr, "writer:", line)
	}
	return n
}

// verifyAfterCrash reopens the database as the application would, checks
// it with bbolt, and looks for every acknowledged edit.
func verifyAfterCrash(t *testing.T, path string, acked int) {
	t.Helper()
	if _, err := os.Stat(path); os.IsNotExist(err) && acked == 0 {
		return // killed before it created the file
	}
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Errorf("reopen after the kill: %v", err)
		return
	}
	defer db.Close()
	if err := db.view(consistency); err != nil {
		t.Errorf("consistency check after the kill: %v", err)
	}
	p, err := db.Load(crashProject)
	if errors.Is(err, ErrNotFound) && acked == 0 {
		return
	}
	if err != nil {
		t.Errorf("load after the kill: %v", err)
		return
	}
	have := make(map[string]bool, len(p.Elements))
	for _, e := range p.Elements {
		have[e.ID] = true
	}
	for n := 1; n <= acked; n++ {
		if !have[fmt.Sprintf("e%d", n)] {
			t.Errorf("acknowledged edit %d is missing after the kill", n)
		}
	}
	if log, err := db.Log(crashProject); err != nil || len(log) < acked+1 {
		t.Errorf("log has %d entries (%v), want at least %d", len(log), err, acked+1)
	}
}
