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
)

func TestMemoComputesOnceForConcurrentCallers(t *testing.T) {
	m := newMemo[int](4, 0, nil)
	var calls atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	got := make([]int, 10)
	for i := range got {
		wg.Go(func() {
			v, err := m.get(context.Background(), "k", func(context.Context) (int, error) {
				calls.Add(1)
				<-release
				return 42, nil
			})
			assert.NoError(t, err)
			got[i] = v
		})
	}
	time.Sleep(20 * time.Millisecond) // let every caller arrive while the first computes
	close(release)
	wg.Wait()
	assert.Equal(t, int32(1), calls.Load())
	for _, v := range got {
		assert.Equal(t, 42, v)
	}
}

func TestMemo(t *testing.T) {
	ctx := context.Background()
	value := func(v int) func(context.Context) (int, error) {
		return func(context.Context) (int, error) { return v, nil }
	}
	t.Run("errors are not kept", func(t *testing.T) {
		m := newMemo[int](4, 0, nil)
		_, err := m.get(ctx, "k", func(context.Context) (int, error) { return 0, errors.New("down") })
		require.Error(t, err)
		v, err := m.get(ctx, "k", value(7))
		require.NoError(t, err)
		assert.Equal(t, 7, v)
	})
	t.Run("the least recently used goes first", func(t *testing.T) {
		m := newMemo[int](2, 0, nil)
		m.get(ctx, "a", value(1))
		m.get(ctx, "b", value(2))
		m.get(ctx, "a", value(0)) // a is used again
		m.get(ctx, "c", value(3)) // b goes
		v, _ := m.get(ctx, "a", value(-1))
		assert.Equal(t, 1, v)
		v, _ = m.get(ctx, "b", value(-2))
		assert.Equal(t, -2, v, "recomputed")
	})
	t.Run("values are kept within their cost", func(t *testing.T) {
		m := newMemo(10, 10, func(v int) int64 { return int64(v) })
		m.get(ctx, "a", value(4))
		m.get(ctx, "b", value(4))
		m.get(ctx, "c", value(4)) // a goes: 12 > 10
		v, _ := m.get(ctx, "b", value(-1))
		assert.Equal(t, 4, v)
		v, _ = m.get(ctx, "huge", value(11))
		assert.Equal(t, 11, v, "returned")
		v, _ = m.get(ctx, "huge", value(-11))
		assert.Equal(t, -11, v, "but not kept")
		v, _ = m.get(ctx, "c", value(-1))
		assert.Equal(t, 4, v, "nor pushing the others out")
		m.mu.Lock()
		assert.LessOrEqual(t, m.total, int64(10))
		m.mu.Unlock()
	})
	t.Run("a waiter whose request ends stops waiting", func(t *testing.T) {
		m := newMemo[int](2, 0, nil)
		release := make(chan struct{})
		defer close(release)
		go m.get(ctx, "k", func(context.Context) (int, error) { <-release; return 1, nil })
		time.Sleep(10 * time.Millisecond)
		c, cancel := context.WithCancel(ctx)
		cancel()
		_, err := m.get(c, "k", value(2))
		assert.ErrorIs(t, err, context.Canceled)
	})
	t.Run("the computation outlives its first caller", func(t *testing.T) {
		m := newMemo[int](2, 0, nil)
		c, cancel := context.WithCancel(ctx)
		v, err := m.get(c, "k", func(ctx context.Context) (int, error) {
			cancel()
			return 5, ctx.Err()
		})
		require.NoError(t, err)
		assert.Equal(t, 5, v)
	})
	t.Run("a panic releases the waiters", func(t *testing.T) {
		m := newMemo[int](2, 0, nil)
		assert.Panics(t, func() {
			m.get(ctx, "k", func(context.Context) (int, error) { panic("boom") })
		})
		v, err := m.get(ctx, "k", value(9))
		require.NoError(t, err)
		assert.Equal(t, 9, v)
	})
}

func TestMemoPeekSeesOnlyFinishedValues(t *testing.T) {
	m := newMemo[int](4, 0, nil)
	_, ok := m.peek("k")
	assert.False(t, ok, "nothing computed yet")
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		m.get(context.Background(), "k", func(context.Context) (int, error) {
			close(started)
			<-release
			return 7, nil
		})
	}()
	<-started
	_, ok = m.peek("k")
	assert.False(t, ok, "a computation under way is not waited for")
	close(release)
	<-done
	v, ok := m.peek("k")
	assert.True(t, ok)
	assert.Equal(t, 7, v)
	m.get(context.Background(), "bad", func(context.Context) (int, error) { return 0, errors.New("no") })
	_, ok = m.peek("bad")
	assert.False(t, ok, "errors are not kept")
}
