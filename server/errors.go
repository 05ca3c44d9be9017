package server

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// statusOf maps every domain error code to its HTTP status, in one table.
var statusOf = map[string]int{
	catalog.EINVALID:      http.StatusBadRequest,
	catalog.ENOTFOUND:     http.StatusNotFound,
	catalog.ECONFLICT:     http.StatusConflict,
	catalog.EUNAUTHORIZED: http.StatusUnauthorized,
	catalog.EFORBIDDEN:    http.StatusForbidden,
	catalog.ERATELIMITED:  http.StatusTooManyRequests,
	catalog.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	catalog.EINTERNAL:     http.StatusInternalServerError,
	"method_not_allowed":  http.StatusMethodNotAllowed,
}

// writeError answers with the JSON error envelope. Internal errors are logged
// with the request's context and answered with a generic message, so SQL
// text or paths never reach the client.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	code := catalog.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	detail := api.ErrorDetail{Code: code, Message: catalog.ErrorMessage(err)}
	var e *catalog.Error
	if errors.As(err, &e) {
		detail.Field, detail.Key, detail.Params = e.Field, e.Key, e.Params
	}
	var es catalog.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			detail.Errors = append(detail.Errors, api.ErrorDetail{Code: e.Code, Message: e.Message, Field: e.Field, Key: e.Key, Params: e.Params})
		}
	}
	if status == http.StatusInternalServerError {
		log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		detail = api.ErrorDetail{Code: catalog.EINTERNAL, Message: catalog.ErrorMessage(errors.New("")), Key: "error.load"}
	}
	writeJSON(w, status, api.ErrorBody{Error: detail})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// decodeJSON strictly decodes a request body of at most api.MaxBodyBytes into
// v: unknown fields, trailing data and a wrong content type are errors, and a
// larger body is ETOOLARGE, so bad input is refused before anything is saved.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	return decodeJSONLimit(w, r, v, api.MaxBodyBytes)
}

// decodeJSONLimit is decodeJSON with a smaller cap than api.MaxBodyBytes, for
// bodies known to be small (a vote, a sign-in).
func decodeJSONLimit(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return catalog.Errorf(catalog.EINVALID, "The request body must be JSON.")
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return catalog.Errorf(catalog.ETOOLARGE, "The request body is larger than %d bytes.", limit)
		}
		return catalog.Errorf(catalog.EINVALID, "The request body is not valid JSON: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return catalog.Errorf(catalog.EINVALID, "The request body has data after the JSON value.")
	}
	return nil
}

// jsonProblem describes a decoding error without echoing the body back.
func jsonProblem(err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, "json: unknown field") {
		return strings.TrimPrefix(msg, "json: ")
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return "syntax error"
	case errors.As(err, &typ):
		return "field " + typ.Field + " has the wrong type"
	case errors.Is(err, io.EOF):
		return "empty body"
	}
	return "malformed"
}
