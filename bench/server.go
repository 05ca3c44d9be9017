package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// vitrine is bin/vitrine running as a child process on a free loopback
// port, over a fresh database (the demo store) in a temporary folder.
type vitrine struct {
	cmd  *exec.Cmd
	url  string // http://127.0.0.1:port
	dir  string
	log  string
	done chan error
}

// lookupLimit is what the load test needs: one client address (the
// harness) looks orders up tens of thousands of times a minute.
const lookupLimit = 1_000_000_000

// startVitrine starts bin at bin on 127.0.0.1:0 and waits until it says
// where it listens. Its log (one line per request) goes to a file in its
// folder, read by nobody during the measurements.
func startVitrine(ctx context.Context, bin string) (*vitrine, error) {
	dir, err := os.MkdirTemp("", "vitrine-bench-")
	if err != nil {
		return nil, err
	}
	v := &vitrine{dir: dir, log: filepath.Join(dir, "server.log"), done: make(chan error, 1)}
	logf, err := os.Create(v.log)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	v.cmd = exec.Command(bin, "-addr", "127.0.0.1:0", "-data", filepath.Join(dir, "data"),
		"-lookup-limit", strconv.Itoa(lookupLimit))
	v.cmd.Stdout, v.cmd.Stderr = logf, logf
	// The operator's own settings must not leak into the measured store.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "VITRINE_") {
			v.cmd.Env = append(v.cmd.Env, kv)
		}
	}
	if err := v.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	go func() { v.done <- v.cmd.Wait() }()
	deadline := time.After(60 * time.Second)
	for v.url == "" {
		select {
		case err := <-v.done:
			v.done <- err
			return nil, fmt.Errorf("%s stopped before it listened (%v); its log:\n%s", bin, err, tail(v.log, 20))
		case <-deadline:
			v.stop()
			return nil, fmt.Errorf("%s did not listen within a minute; its log:\n%s", bin, tail(v.log, 20))
		case <-ctx.Done():
			v.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if b, err := os.ReadFile(v.log); err == nil {
			if _, after, ok := strings.Cut(string(b), "Vitrine is open at "); ok {
				v.url = strings.TrimSpace(strings.SplitN(after, "\n", 2)[0])
			}
		}
	}
	return v, nil
}

// memory returns the server's peak and current resident set (VmHWM and
// VmRSS) in MiB.
func (v *vitrine) memory() (peak, now float64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", v.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmHWM:":
			peak = kb / 1024
		case "VmRSS:":
			now = kb / 1024
		}
	}
	if peak == 0 {
		return 0, 0, errors.New("no VmHWM in /proc/<pid>/status")
	}
	return peak, now, nil
}

// stop ends the server gracefully (SIGTERM, then SIGKILL after 10 s) and
// removes its folder.
func (v *vitrine) stop() {
	if v.cmd.Process != nil {
		v.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-v.done:
		case <-time.After(10 * time.Second):
			v.cmd.Process.Kill()
			<-v.done
		}
	}
	os.RemoveAll(v.dir)
}

// tail returns the last n lines of the file at path.
func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
