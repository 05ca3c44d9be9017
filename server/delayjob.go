package server

import (
	"context"
	"log/slog"
	"time"

	"vitrine/portal/orders"
)

// DefaultDelayCheckEvery is how often the delay job looks for late orders.
const DefaultDelayCheckEvery = 10 * time.Minute

// DelayJob notices late deliveries before the customer does: on a schedule
// it derives the delay notices of every open order (orders.DelayNotices)
// and emails each notice once, through the outbox, in the customer's
// language. "Once" is the store's promise (orders.Store.SendNotice by the
// notice's key), so the job may run as often as it likes, on several
// servers at once, and after a restart.
type DelayJob struct {
	store orders.Store
	now   func() time.Time
	mail  orderMailer
	log   *slog.Logger
	every time.Duration
}

// DelayJob returns the server's delay job; ListenAndServe runs it. It is nil
// when the server has no order store.
func (s *Server) DelayJob() *DelayJob { return s.delays }

func (s *Server) newDelayJob() *DelayJob {
	if s.cfg.Orders == nil {
		return nil
	}
	every := s.cfg.DelayCheckEvery
	if every == 0 {
		every = DefaultDelayCheckEvery
	}
	return &DelayJob{store: s.cfg.Orders, now: s.cfg.Now, mail: s.mailer(), log: s.log, every: every}
}

// RunOnce checks every open order once and returns how many notices it
// emailed.
func (j *DelayJob) RunOnce(ctx context.Context) (int, error) {
	open, err := j.store.OpenOrders(ctx)
	if err != nil {
		return 0, err
	}
	sent := 0
	for i := range open {
		n, err := j.checkOrder(ctx, &open[i])
		sent += n
		if err != nil {
			return sent, err
		}
	}
	return sent, nil
}

// checkOrder emails the delay notices of o that were not emailed yet.
func (j *DelayJob) checkOrder(ctx context.Context, o *orders.Order) (int, error) {
	sent := 0
	for _, n := range orders.DelayNotices(*o, j.now()) {
		ok, err := j.store.SendNotice(ctx, o.Number, n.Key, j.mail.delay(o, n))
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
			j.log.Info("delay notice sent", "order", o.Number, "reason", string(n.Reason))
		}
	}
	return sent, nil
}

// Run checks once at once, then every interval, until ctx is done. A failed
// run is logged and retried at the next tick. A negative interval
// (Config.DelayCheckEvery) turns the job off.
func (j *DelayJob) Run(ctx context.Context) {
	if j == nil || j.every < 0 {
		return
	}
	tick := time.NewTicker(j.every)
	defer tick.Stop()
	for {
		if _, err := j.RunOnce(ctx); err != nil && ctx.Err() == nil {
			j.log.Error("delay check failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// startBackground starts the server's background jobs and returns the
// function that stops them and waits until they have.
func (s *Server) startBackground(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.delays.Run(ctx)
	}()
	return func() { cancel(); <-done }
}
