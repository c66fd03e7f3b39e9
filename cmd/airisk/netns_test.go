package main

import (
	"os/exec"
	"testing"
)

// requireNetns skips when this kernel or sandbox forbids an unprivileged
// network namespace, saying so.
func requireNetns(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare is not installed (util-linux): cannot prove the program works with no network")
	}
	if out, err := exec.Command("unshare", "-rn", "true").CombinedOutput(); err != nil {
		t.Skipf("the kernel forbids network namespaces here (%v: %s); skipping the no-network run", err, out)
	}
}

// TestNoNetwork runs import, analyse, export and render inside a network
// namespace with no interfaces: any attempt to reach a network would fail
// them.
func TestNoNetwork(t *testing.T) {
	requireNetns(t)
	testOutputs(t, true)
}
