package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"vitrine/portal/returns"
	"vitrine/portal/staff"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// The returns desk: staff list requests and move them on, each step behind
// the staff sign-in (staff.go) and recorded twice, in the request's
// timeline (which the customer sees, without the staff member's name) and
// in the staff audit log (who, what, when).

// ActionReturnStatus is the audit log's action for a request moved on; the
// target is the request's number and the detail "from → to" with any
// reason.
const ActionReturnStatus = "returns.status"

// staffReturnsLimit bounds the staff list; the filter narrows it.
const staffReturnsLimit = 500

// maxRejectReason bounds the reason staff give for a rejection.
const maxRejectReason = 500

func (s *Server) staffReturnRoutes(mux *http.ServeMux) {
	if s.staff == nil {
		return
	}
	p := api.Prefix + "/staff/returns"
	mux.HandleFunc("GET "+p, s.requireStaff(s.staffListReturns))
	mux.HandleFunc("GET "+p+"/{return}", s.requireStaff(s.staffGetReturn))
	mux.HandleFunc("POST "+p+"/{return}/status", s.requireStaff(s.staffMoveReturn))
	mux.HandleFunc("GET "+api.Prefix+"/staff/return-photos/{id}", s.requireStaff(s.staffReturnPhoto))
}

func (s *Server) staffListReturns(w http.ResponseWriter, r *http.Request, _ staff.User) {
	statuses, err := statusesParam(r.URL.Query().Get("status"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	all, err := s.cfg.Returns.List(r.Context(), returns.Filter{Limit: staffReturnsLimit})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp := api.StaffReturnsResponse{Returns: []api.ReturnSummary{}, Counts: map[returns.Status]int{}}
	for _, ret := range all {
		resp.Counts[ret.Status]++
		if len(statuses) == 0 || slices.Contains(statuses, ret.Status) {
			resp.Returns = append(resp.Returns, returnSummary(ret))
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

// staffView is request number as staff see it, with its order's customer.
func (s *Server) staffView(r *http.Request, ret *returns.Return) (api.ReturnView, error) {
	o, err := s.cfg.Orders.Order(r.Context(), ret.OrderNumber)
	if err != nil {
		return api.ReturnView{}, fmt.Errorf("order of return %s: %w", ret.Number, err)
	}
	return returnView(ret, o, true), nil
}

func (s *Server) staffGetReturn(w http.ResponseWriter, r *http.Request, _ staff.User) {
	ret, err := s.cfg.Returns.Get(r.Context(), strings.ToUpper(r.PathValue("return")))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	v, err := s.staffView(r, ret)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ReturnResponse{Return: v})
}

// staffMoveReturn answers POST /staff/returns/{return}/status. The store
// checks the move against the state machine in the transaction that makes
// it, so two staff pressing the same button move the request once (the
// other gets 409). The customer gets an email; the audit log gets who did
// it.
func (s *Server) staffMoveReturn(w http.ResponseWriter, r *http.Request, u staff.User) {
	var req api.StaffTransitionRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	switch {
	case !slices.Contains(allStatuses, req.To):
		writeError(w, r, s.log, catalog.FieldError("to", "returns.err.status_filter", "Choose a status."))
		return
	case utf8.RuneCountInString(req.Reason) > maxRejectReason:
		writeError(w, r, s.log, &catalog.Error{Code: catalog.EINVALID, Field: "reason", Key: "returns.err.reason_text_long",
			Message: returns.Message("returns.err.reason_text_long", map[string]string{"max": fmt.Sprint(maxRejectReason)}),
			Params:  map[string]string{"max": fmt.Sprint(maxRejectReason)}})
		return
	}
	number := strings.ToUpper(r.PathValue("return"))
	before, err := s.cfg.Returns.Get(r.Context(), number)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	ret, err := s.cfg.Returns.Transition(r.Context(), number, req.To, u.Email, req.Reason, s.cfg.Now())
	if err != nil {
		s.writeProblems(w, r, err)
		return
	}
	detail := string(before.Status) + " → " + string(ret.Status)
	if reason := ret.Timeline[len(ret.Timeline)-1].Reason; reason != "" {
		detail += ": " + reason
	}
	if err := s.audit(r.Context(), u, ActionReturnStatus, ret.Number, detail); err != nil {
		s.log.Error("audit return status", "staff", u.ID, "return", ret.Number, "err", err)
	}
	o, err := s.cfg.Orders.Order(r.Context(), ret.OrderNumber)
	if err != nil {
		writeError(w, r, s.log, fmt.Errorf("order of return %s: %w", ret.Number, err))
		return
	}
	s.mailReturn(r.Context(), o, ret)
	writeJSON(w, http.StatusOK, api.ReturnResponse{Return: returnView(ret, o, true)})
}

func (s *Server) staffReturnPhoto(w http.ResponseWriter, r *http.Request, _ staff.User) {
	p, data, err := s.cfg.ReturnPhotos.PhotoData(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writePhoto(w, p, data)
}
