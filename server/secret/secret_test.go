package secret

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testEnv = "VITRINE_TEST_SECRET"

func TestLoadCreatesOnceThenKeeps(t *testing.T) {
	t.Setenv(testEnv, "")
	path := filepath.Join(t.TempDir(), "sub", "secret.key")
	first, err := Load(testEnv, path, true)
	require.NoError(t, err)
	assert.Len(t, first, 64, "32 random bytes, hex-encoded")
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "only the owner reads it")

	again, err := Load(testEnv, path, true)
	require.NoError(t, err)
	assert.Equal(t, first, again, "a restart keeps the secret, so links stay valid")

	other, err := Load(testEnv, filepath.Join(t.TempDir(), "secret.key"), true)
	require.NoError(t, err)
	assert.NotEqual(t, first, other, "every store makes its own")
}

func TestLoadPrefersTheEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret.key")
	t.Setenv(testEnv, "  from-the-environment-0123456789 ")
	got, err := Load(testEnv, path, true)
	require.NoError(t, err)
	assert.Equal(t, "from-the-environment-0123456789", string(got))
	_, err = os.Stat(path)
	assert.True(t, os.IsNotExist(err), "no file is written when the environment has the secret")
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short.key")
	require.NoError(t, os.WriteFile(short, []byte("abc\n"), 0o600))
	for _, tc := range []struct {
		name, env, path string
		create          bool
		want            string
	}{
		{"missing file, not creating", "", filepath.Join(dir, "none.key"), false, "start the server once"},
		{"short file", "", short, true, "shorter than"},
		{"short environment value", "tiny", filepath.Join(dir, "x.key"), true, "shorter than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(testEnv, tc.env)
			_, err := Load(testEnv, tc.path, tc.create)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.False(t, strings.Contains(err.Error(), "abc"), "errors never show a secret")
		})
	}
}
