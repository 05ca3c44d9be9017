package server

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"vitrine/portal/help"
	"vitrine/portal/staff"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Staff sign-in, shared by every staff page (the help center's statistics,
// the returns desk). To protect a staff API route, register it under
// /api/v1/staff/ wrapped in requireStaff:
//
//	mux.HandleFunc("POST "+api.Prefix+"/staff/returns/{id}/approve", s.requireStaff(s.approveReturn))
//
//	func (s *Server) approveReturn(w http.ResponseWriter, r *http.Request, u staff.User) {
//		…
//		if err := s.audit(r.Context(), u, "returns.approve", id, ""); err != nil { … }
//	}
//
// The handler then runs only for a signed-in staff member, and u says who.

// StaffCookie holds a staff session's token. It is HttpOnly (no script can
// read it), SameSite=Strict (no other site can make the browser send it),
// Secure over HTTPS, and scoped to the staff API: pages never need it, only
// the API calls they make.
const StaffCookie = "vitrine_staff"

// staffCookiePath is where the browser sends the staff cookie.
const staffCookiePath = api.Prefix + "/staff"

// Sign-in limits: failures per client address and per account, counted by
// a rateLimiter that gives one back every window/limit. A person who forgot
// their password gets a few tries; a script guessing passwords gets five
// per quarter hour per account (then one every three minutes), and cannot
// spread its guesses over every account from one address either.
const (
	signInFailuresPerIP      = 10
	signInFailuresPerAccount = 5
	signInWindow             = 15 * time.Minute
)

// staffHandler is a handler that runs for a signed-in staff member, u.
type staffHandler func(w http.ResponseWriter, r *http.Request, u staff.User)

// requireStaff wraps h so that it only runs for a request with a valid staff
// session; any other request gets 401 with the key staff.err.signin_required,
// which staff pages answer by showing the sign-in.
func (s *Server) requireStaff(h staffHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := s.staffUser(r)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		h(w, r, u)
	}
}

// staffUser returns the staff member signed in on r, or an EUNAUTHORIZED
// error.
func (s *Server) staffUser(r *http.Request) (staff.User, error) {
	if s.staff == nil {
		return staff.User{}, staff.ErrSignInRequired()
	}
	c, err := r.Cookie(StaffCookie)
	if err != nil {
		return staff.User{}, staff.ErrSignInRequired()
	}
	u, _, err := s.staff.Authenticate(r.Context(), c.Value)
	return u, err
}

// audit records in the staff audit log that u did action to target (empty
// if nothing in particular), with an optional detail, now.
func (s *Server) audit(ctx context.Context, u staff.User, action, target, detail string) error {
	return s.staff.Record(ctx, u, action, target, detail)
}

// staffRoutes registers the staff sign-in, and the staff views of features
// that are configured.
func (s *Server) staffRoutes(mux *http.ServeMux) {
	if s.staff == nil {
		return
	}
	mux.HandleFunc("POST "+api.Prefix+"/staff/signin", s.staffSignIn)
	mux.HandleFunc("POST "+api.Prefix+"/staff/signout", s.staffSignOut)
	mux.HandleFunc("GET "+api.Prefix+"/staff/me", s.requireStaff(s.staffMe))
	if s.help != nil && s.cfg.Help != nil {
		mux.HandleFunc("GET "+api.Prefix+"/staff/help", s.requireStaff(s.staffHelp))
		mux.HandleFunc("POST "+api.Prefix+"/staff/help/reload", s.requireStaff(s.staffHelpReload))
	}
}

func (s *Server) staffSignIn(w http.ResponseWriter, r *http.Request) {
	var req api.StaffSignInRequest
	if err := decodeJSONLimit(w, r, &req, 4<<10); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	ip, account := clientKey(r), staff.NormalizeEmail(req.Email)
	blockedIP, waitIP := s.signInIP.blocked(ip)
	blockedAccount, waitAccount := s.signInAccount.blocked(account)
	if blockedIP || blockedAccount {
		wait := max(waitIP, waitAccount)
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		writeError(w, r, s.log, &catalog.Error{Code: catalog.ERATELIMITED, Key: "staff.err.rate_limited",
			Message: "Too many failed sign-ins. Please wait a few minutes and try again."})
		return
	}
	u, token, sess, err := s.staff.SignIn(r.Context(), req.Email, req.Password)
	if catalog.ErrorCode(err) == catalog.EUNAUTHORIZED {
		s.signInIP.allow(ip)
		s.signInAccount.allow(account)
		s.log.Warn("staff sign-in failed", "ip", ip)
	}
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: StaffCookie, Value: token, Path: staffCookiePath,
		Expires: sess.ExpiresAt, MaxAge: int(sess.ExpiresAt.Sub(sess.CreatedAt).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	if err := s.audit(r.Context(), u, staff.ActionSignIn, "", ""); err != nil {
		s.log.Error("audit staff sign-in", "staff", u.ID, "err", err)
	}
	writeJSON(w, http.StatusOK, api.StaffSessionResponse{User: api.StaffUser{Email: u.Email}, ExpiresAt: sess.ExpiresAt})
}

// isHTTPS reports whether the browser reached us over HTTPS: directly, or
// through a proxy that says so. Trusting the header here costs nothing: it
// can only make the cookie stricter.
func isHTTPS(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}

func (s *Server) staffSignOut(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(StaffCookie); err == nil {
		u, _, authErr := s.staff.Authenticate(r.Context(), c.Value)
		if err := s.staff.SignOut(r.Context(), c.Value); err != nil {
			writeError(w, r, s.log, err)
			return
		}
		if authErr == nil {
			if err := s.audit(r.Context(), u, staff.ActionSignOut, "", ""); err != nil {
				s.log.Error("audit staff sign-out", "staff", u.ID, "err", err)
			}
		}
	}
	http.SetCookie(w, &http.Cookie{Name: StaffCookie, Value: "", Path: staffCookiePath, MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) staffMe(w http.ResponseWriter, r *http.Request, u staff.User) {
	c, _ := r.Cookie(StaffCookie)
	_, sess, err := s.staff.Authenticate(r.Context(), c.Value)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.StaffSessionResponse{User: api.StaffUser{Email: u.Email}, ExpiresAt: sess.ExpiresAt})
}

// What the staff view of the help center lists.
const (
	staffHelpComments       = 20
	staffHelpFailedSearches = 20
	staffHelpFailedDays     = 30
)

func (s *Server) staffHelp(w http.ResponseWriter, r *http.Request, u staff.User) {
	locale, err := helpLocale(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	ctx := r.Context()
	c := s.help.acquire()
	defer c.release()
	stats, err := s.cfg.Help.Stats(ctx)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp := api.StaffHelpResponse{LoadedAt: c.loadedAt, Comments: []help.Comment{}, FailedSearches: []help.FailedSearchCount{}}
	for _, a := range c.lib.Articles(locale) {
		st := stats[a.ID]
		line := api.StaffHelpArticle{HelpArticleLink: articleLink(a), Views: st.Views, Helpful: st.Helpful, Unhelpful: st.Unhelpful}
		if st.Helpful+st.Unhelpful > 0 {
			ratio := st.HelpfulRatio()
			line.Ratio = &ratio
		}
		resp.Articles = append(resp.Articles, line)
	}
	sort.SliceStable(resp.Articles, func(i, j int) bool { return resp.Articles[i].Views > resp.Articles[j].Views })
	if cs, err := s.cfg.Help.Comments(ctx, "", staffHelpComments); err != nil {
		writeError(w, r, s.log, err)
		return
	} else if cs != nil {
		resp.Comments = cs
	}
	since := s.cfg.Now().AddDate(0, 0, -staffHelpFailedDays)
	if fs, err := s.cfg.Help.TopFailedSearches(ctx, since, staffHelpFailedSearches); err != nil {
		writeError(w, r, s.log, err)
		return
	} else if fs != nil {
		resp.FailedSearches = fs
	}
	if last, err := s.staff.Store.Audit(ctx, staff.ActionHelpReload, 1); err != nil {
		writeError(w, r, s.log, err)
		return
	} else if len(last) > 0 {
		e := last[0]
		resp.LastReload = &api.StaffAuditEntry{Actor: e.Actor, Action: e.Action, Target: e.Target, Detail: e.Detail, At: e.At}
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) staffHelpReload(w http.ResponseWriter, r *http.Request, u staff.User) {
	n, err := s.ReloadHelp()
	detail := strconv.Itoa(n) + " articles"
	if err != nil {
		detail = "failed: " + err.Error()
		for len(detail) > 2000 { // the audit log's bound, cut on a character
			_, size := utf8.DecodeLastRuneInString(detail)
			detail = detail[:len(detail)-size]
		}
	}
	if aerr := s.audit(r.Context(), u, staff.ActionHelpReload, "help", detail); aerr != nil {
		s.log.Error("audit help reload", "staff", u.ID, "err", aerr)
	}
	if err != nil {
		s.log.Error("help reload by staff failed", "staff", u.ID, "err", err)
		// The problems are in files staff edit: they need to read them.
		writeError(w, r, s.log, &catalog.Error{Code: catalog.EINVALID, Key: "staff.help.reload_failed", Message: err.Error()})
		return
	}
	c := s.help.acquire()
	loaded := c.loadedAt
	c.release()
	writeJSON(w, http.StatusOK, api.StaffHelpReloadResponse{Articles: n, LoadedAt: loaded})
}

// blocked reports, without taking an attempt, whether client has none left
// and how long until one is back. Sign-in counts only failures: it asks
// blocked first and takes an attempt (allow) when the password was wrong.
func (l *rateLimiter) blocked(client string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	full := l.full[client]
	if full.Before(now) {
		full = now
	}
	if over := full.Add(l.interval).Sub(now) - l.window; over > 0 {
		return true, over
	}
	return false, 0
}
