package staffcmd_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/staff"
	"vitrine/server/sqlite"
	"vitrine/server/staffcmd"
)

func TestAddThenSignIn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	err := staffcmd.Run(ctx, []string{"add", "-email", "Staff@Vitrine.example", "-data", dir},
		strings.NewReader("a long enough password\n"), &out, &errOut)
	require.NoError(t, err, errOut.String())
	assert.Contains(t, out.String(), "staff@vitrine.example created")

	db, err := sqlite.Open(ctx, filepath.Join(dir, "vitrine.db"))
	require.NoError(t, err)
	defer db.Close()
	auth := &staff.Auth{Store: sqlite.NewStaffStore(db)}
	_, _, _, err = auth.SignIn(ctx, "staff@vitrine.example", "a long enough password")
	require.NoError(t, err)

	require.NoError(t, staffcmd.Run(ctx, []string{"passwd", "-email", "staff@vitrine.example", "-data", dir},
		strings.NewReader("another long password"), &out, &errOut), "a last line without newline is read too")
	_, _, _, err = auth.SignIn(ctx, "staff@vitrine.example", "another long password")
	require.NoError(t, err)
}

func TestRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
	}{
		{"no subcommand", nil, "password12345\n"},
		{"unknown subcommand", []string{"remove"}, ""},
		{"no email", []string{"add", "-data", dir}, "password12345\n"},
		{"password as an argument", []string{"add", "-email", "a@b.c", "-data", dir, "password12345"}, ""},
		{"no password", []string{"add", "-email", "a@b.c", "-data", dir}, ""},
		{"short password", []string{"add", "-email", "a@b.c", "-data", dir}, "short\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := staffcmd.Run(ctx, tc.args, strings.NewReader(tc.stdin), &out, &errOut)
			assert.Error(t, err)
			assert.Empty(t, out.String())
		})
	}
}
