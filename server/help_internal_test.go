package server

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help/content"
)

// loader returns the embedded content, or err when it is set.
type loader struct {
	mu    sync.Mutex
	err   error
	loads int
}

func (l *loader) load() (*content.Library, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.loads++
	if l.err != nil {
		return nil, l.err
	}
	return content.Load()
}

func TestHelpReloadClosesTheOldIndexAfterItsLastSearch(t *testing.T) {
	ctx := context.Background()
	l := &loader{}
	h, err := newHelpCenter(l.load, time.Now)
	require.NoError(t, err)

	old := h.acquire() // a search in flight
	_, err = h.reload()
	require.NoError(t, err)
	next := h.acquire()
	assert.NotSame(t, old, next, "new requests get the new content at once")
	assert.False(t, old.isClosed(), "the old index stays open while a search uses it")
	res, err := old.index.Search(ctx, "refund", "en", 3)
	require.NoError(t, err, "the search in flight finishes on the old index")
	assert.NotEmpty(t, res)

	old.release()
	assert.True(t, old.isClosed(), "the last search closes it")
	_, err = old.index.Search(ctx, "refund", "en", 3)
	assert.Error(t, err, "a closed index answers no more")

	res, err = next.index.Search(ctx, "refund", "en", 3)
	require.NoError(t, err)
	assert.NotEmpty(t, res)
	next.release()
	assert.False(t, next.isClosed(), "the current content is never closed")

	t.Run("an unused old index closes at once", func(t *testing.T) {
		cur := h.cur.Load()
		_, err := h.reload()
		require.NoError(t, err)
		assert.True(t, cur.isClosed())
	})

	t.Run("a failed reload keeps what is served", func(t *testing.T) {
		cur := h.cur.Load()
		l.mu.Lock()
		l.err = errors.New("articles/en/x.md: key \"title\" is missing")
		l.mu.Unlock()
		_, err := h.reload()
		require.Error(t, err)
		assert.Same(t, cur, h.cur.Load())
		assert.False(t, cur.isClosed())
		l.mu.Lock()
		l.err = nil
		l.mu.Unlock()
	})
}

func TestHelpSearchesDuringReloadsNeverFail(t *testing.T) {
	ctx := context.Background()
	l := &loader{}
	h, err := newHelpCenter(l.load, time.Now)
	require.NoError(t, err)

	var stop atomic.Bool
	var searches atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				c := h.acquire()
				res, err := c.index.Search(ctx, "退货", "zh-Hans", 5)
				c.release()
				if err == nil && len(res) == 0 {
					err = errors.New("no results")
				}
				if err != nil {
					errs <- err
					return
				}
				searches.Add(1)
			}
		}()
	}
	var retired []*helpContent
	for range 4 {
		retired = append(retired, h.cur.Load())
		_, err := h.reload()
		require.NoError(t, err)
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.Positive(t, searches.Load())
	for i, c := range retired {
		assert.True(t, c.isClosed(), "version %d was closed once its searches ended", i)
	}
	assert.Equal(t, 5, l.loads)
}
