package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/portal/returns/returnstest"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
)

// The suite's concurrency cases need a file database: ":memory:" keeps one
// connection, which would serialise them whatever the store does.
func TestReturnStoreInFile(t *testing.T) {
	returnstest.Run(t, func(t *testing.T) returns.Store {
		return sqlite.NewReturnStore(openOrderDB(t, filepath.Join(t.TempDir(), "returns.db")))
	})
}

func TestReturnStoreInMemory(t *testing.T) {
	returnstest.Run(t, func(t *testing.T) returns.Store {
		return sqlite.NewReturnStore(openOrderDB(t, ":memory:"))
	})
}

func testPhoto(id, order string) returns.Photo {
	return returns.Photo{ID: id, OrderNumber: order, ContentType: "image/jpeg", Size: 3, Width: 1, Height: 1,
		CreatedAt: time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)}
}

func TestReturnStorePhotoData(t *testing.T) {
	ctx := context.Background()
	s := sqlite.NewReturnStore(openOrderDB(t, filepath.Join(t.TempDir(), "returns.db")))
	require.NoError(t, s.PutPhotoData(ctx, testPhoto("ph-1", "VT-1001"), []byte{1, 2, 3}, 2))

	p, data, err := s.PhotoData(ctx, "ph-1")
	require.NoError(t, err)
	assert.Equal(t, []byte{1, 2, 3}, data)
	assert.Equal(t, "VT-1001", p.OrderNumber)

	meta, err := s.Photo(ctx, "ph-1")
	require.NoError(t, err)
	assert.Equal(t, testPhoto("ph-1", "VT-1001"), *meta)

	_, _, err = s.PhotoData(ctx, "ph-404")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
}

func TestReturnStoreLimitsPhotosWaitingForARequest(t *testing.T) {
	ctx := context.Background()
	s := sqlite.NewReturnStore(openOrderDB(t, filepath.Join(t.TempDir(), "returns.db")))
	require.NoError(t, s.PutPhotoData(ctx, testPhoto("ph-1", "VT-1001"), []byte{1}, 2))
	require.NoError(t, s.PutPhotoData(ctx, testPhoto("ph-2", "VT-1001"), []byte{2}, 2))

	err := s.PutPhotoData(ctx, testPhoto("ph-3", "VT-1001"), []byte{3}, 2)
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
	_, err = s.Photo(ctx, "ph-3")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err), "the refused photo is not stored")

	require.NoError(t, s.PutPhotoData(ctx, testPhoto("ph-3", "VT-1002"), []byte{3}, 2), "another order has its own limit")
	require.NoError(t, s.DeletePhoto(ctx, "ph-1"))
	require.NoError(t, s.PutPhotoData(ctx, testPhoto("ph-4", "VT-1001"), []byte{4}, 2), "removing one makes room")
}
