package xlsx

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// BenchmarkExport10k exports a 10,000-risk project, the whole workbook
// with the bundled catalogue. Compare with BenchmarkStreamFloor10k: the
// issue's target is at most 1.5 times the floor.
func BenchmarkExport10k(b *testing.B) { benchExport(b, 10_000) }

// BenchmarkExport100k exports 100,000 risks (target: under 5 s and
// 300 MiB) and reports the peak heap seen while exporting.
func BenchmarkExport100k(b *testing.B) { benchExport(b, 100_000) }

func benchExport(b *testing.B, n int) {
	p := bigProject(n)
	c := catalogue(b)
	runtime.GC()
	peak := watchHeap()
	cpu := cpuTime()
	b.ResetTimer()
	for range b.N {
		if err := Export(io.Discard, p, c, Options{Now: exportTime}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
	reportTimes(b, n, cpu)
}

// BenchmarkStreamFloor10k writes the same Register cells (values,
// formulas, column styles) with excelize's StreamWriter alone and saves
// the file: the floor the export is measured against. The cells are
// prepared before the timer starts.
func BenchmarkStreamFloor10k(b *testing.B) {
	const n = 10_000
	p := bigProject(n)
	cells := registerCells(b, p)
	runtime.GC()
	cpu := cpuTime()
	b.ResetTimer()
	for range b.N {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for i, row := range cells {
			if err := sw.SetRow(cellName(0, i+1), row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		_ = f.Close()
	}
	b.StopTimer()
	reportTimes(b, n, cpu)
}

// reportTimes reports the wall time per risk and the process CPU time per
// export since cpu0: on a shared machine the CPU time is the steadier
// figure.
func reportTimes(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/risk")
	if cpu0 > 0 {
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// registerCells returns the header and the rows the export writes to the
// Register for p.
func registerCells(b *testing.B, p *model.Project) [][]any {
	x, err := newExporter(excelize.NewFile(), p, catalogue(b), Options{Now: exportTime})
	if err != nil {
		b.Fatal(err)
	}
	fm := newRegisterFormulas(x.sc)
	out := [][]any{make([]any, len(registerColumns))}
	for i, h := range headers(registerColumns) {
		out[0][i] = h
	}
	for i := range p.Risks {
		row := make([]any, len(registerColumns))
		x.registerRow(row, &p.Risks[i], i+2, fm)
		out = append(out, row)
	}
	return out
}

// watchHeap samples the heap in use until the returned function is
// called, which reports the highest value seen.
func watchHeap() func() uint64 {
	var peak atomic.Uint64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if v := ms.HeapInuse + ms.StackInuse; v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		wg.Wait()
		return peak.Load()
	}
}

// BenchmarkReadChanges10k reads back an exported 10,000-risk workbook.
func BenchmarkReadChanges10k(b *testing.B) {
	p := bigProject(10_000)
	data := exportBytes(b, p, nil, Options{})
	runtime.GC()
	cpu := cpuTime()
	b.ResetTimer()
	for range b.N {
		rep, _, err := ReadChanges(bytes.NewReader(data), p)
		if err != nil || !rep.OK() || len(rep.Changes) != 0 {
			b.Fatalf("ReadChanges: %v %v", err, rep)
		}
	}
	b.StopTimer()
	reportTimes(b, 10_000, cpu)
}
