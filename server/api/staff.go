package api

import (
	"context"
	"time"

	"vitrine/portal/help"
)

// StaffUser is the signed-in staff member, as pages see them.
type StaffUser struct {
	Email string `json:"email"`
}

// StaffSignInRequest is the body of POST /api/v1/staff/signin.
type StaffSignInRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// StaffSessionResponse is the body of POST /api/v1/staff/signin and of
// GET /api/v1/staff/me: who is signed in, until when. The session itself
// is an HttpOnly cookie the page cannot read.
type StaffSessionResponse struct {
	User      StaffUser `json:"user"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// StaffAuditEntry is one line of the audit log.
type StaffAuditEntry struct {
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target,omitempty"`
	Detail string    `json:"detail,omitempty"`
	At     time.Time `json:"at"`
}

// StaffHelpArticle is one line of the staff list of help articles.
type StaffHelpArticle struct {
	HelpArticleLink
	Views     int `json:"views"`
	Helpful   int `json:"helpful"`
	Unhelpful int `json:"unhelpful"`
	// Ratio is the share of helpful votes, from 0 to 1; nil without votes.
	Ratio *float64 `json:"ratio,omitempty"`
}

// StaffHelpResponse is the body of GET /api/v1/staff/help: how the help
// center is used.
type StaffHelpResponse struct {
	// Articles are every article, the most viewed first.
	Articles []StaffHelpArticle `json:"articles"`
	// Comments are the newest readers' comments.
	Comments []help.Comment `json:"comments"`
	// FailedSearches are the searches that found nothing in the last 30
	// days, the most frequent first.
	FailedSearches []help.FailedSearchCount `json:"failedSearches"`
	// LoadedAt is when the content now served was loaded.
	LoadedAt time.Time `json:"loadedAt"`
	// LastReload is the latest reload by staff, if any.
	LastReload *StaffAuditEntry `json:"lastReload,omitempty"`
}

// StaffHelpReloadResponse is the body of POST /api/v1/staff/help/reload.
type StaffHelpReloadResponse struct {
	Articles int       `json:"articles"`
	LoadedAt time.Time `json:"loadedAt"`
}

// StaffSignIn signs a staff member in; the server sets the session cookie.
func (c *Client) StaffSignIn(ctx context.Context, email, password string) (*StaffSessionResponse, error) {
	var r StaffSessionResponse
	if err := c.Do(ctx, "POST", Prefix+"/staff/signin", StaffSignInRequest{Email: email, Password: password}, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// StaffSignOut ends the session of this browser.
func (c *Client) StaffSignOut(ctx context.Context) error {
	return c.Do(ctx, "POST", Prefix+"/staff/signout", nil, nil)
}

// StaffMe returns who is signed in, or an EUNAUTHORIZED error when nobody
// is: staff pages call it to decide between their content and the sign-in.
func (c *Client) StaffMe(ctx context.Context) (*StaffSessionResponse, error) {
	var r StaffSessionResponse
	if err := c.get(ctx, Prefix+"/staff/me", &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// StaffHelp returns the help center's statistics for staff.
func (c *Client) StaffHelp(ctx context.Context) (*StaffHelpResponse, error) {
	var r StaffHelpResponse
	if err := c.get(ctx, Prefix+"/staff/help", &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// StaffReloadHelp loads the help content again and rebuilds the search index.
func (c *Client) StaffReloadHelp(ctx context.Context) (*StaffHelpReloadResponse, error) {
	var r StaffHelpReloadResponse
	if err := c.Do(ctx, "POST", Prefix+"/staff/help/reload", nil, &r); err != nil {
		return nil, err
	}
	return &r, nil
}
