package main

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
)

// wireCounter is a loopback TCP proxy in front of the server that counts
// the bytes the server sends (headers and bodies, as on the wire). The cold
// loads go through it because the service worker takes the page over
// within a second of a first visit (go-app's worker claims its clients) and
// fetches the hall's files itself: the page's own CDP Network events then
// report them with an encodedDataLength of 0, and the worker's requests
// are in another target, so only the wire sees every byte.
type wireCounter struct {
	ln      net.Listener
	backend string
	bytes   atomic.Int64
	wg      sync.WaitGroup
}

// newWireCounter listens on a free loopback port and forwards every
// connection to backend (host:port).
func newWireCounter(backend string) (*wireCounter, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	w := &wireCounter{ln: ln, backend: backend}
	go w.serve()
	return w, nil
}

// url is the proxy's base URL.
func (w *wireCounter) url() string { return "http://" + w.ln.Addr().String() }

// take returns the bytes counted since the last take and starts again
// from 0.
func (w *wireCounter) take() int64 { return w.bytes.Swap(0) }

func (w *wireCounter) serve() {
	for {
		c, err := w.ln.Accept()
		if err != nil {
			return
		}
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			defer c.Close()
			s, err := net.Dial("tcp", w.backend)
			if err != nil {
				return
			}
			defer s.Close()
			done := make(chan struct{})
			go func() {
				io.Copy(s, c)
				s.(*net.TCPConn).CloseWrite()
				close(done)
			}()
			io.Copy(countingWriter{c, &w.bytes}, s)
			c.(*net.TCPConn).CloseWrite()
			<-done
		}()
	}
}

func (w *wireCounter) close() {
	w.ln.Close()
}

// countingWriter adds what it writes to n.
type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}
