package main

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/pion/webrtc/v4/pkg/media/oggreader"
)

func TestTimestampsKeepGrowingAcrossTheWrap(t *testing.T) {
	var u timestampUnwrapper
	first := u.unwrap(0xffffff00)
	after := u.unwrap(0x00000100)
	if after-first != 0x200 {
		t.Fatalf("expected 512 ticks across the wrap, got %d", after-first)
	}
	if back := u.unwrap(0xfffffff0); back >= after {
		t.Fatalf("a late packet from before the wrap should be earlier, got %d after %d", back, after)
	}
}

func TestOpusSamples(t *testing.T) {
	cases := map[string]struct {
		packet []byte
		want   int64
	}{
		"CELT 20 ms, one frame":  {[]byte{0xf8, 0xff, 0xfe}, 960},
		"SILK 20 ms, one frame":  {[]byte{0x08}, 960},
		"SILK 60 ms, one frame":  {[]byte{0x18}, 2880},
		"CELT 10 ms, two frames": {[]byte{0xf1, 0x00}, 960},
		"CELT 2.5 ms, 3 frames":  {[]byte{0x83, 0x03}, 360},
		"hybrid 10 ms":           {[]byte{0x60}, 480},
		"empty":                  {nil, 0},
	}
	for name, c := range cases {
		if got := opusSamples(c.packet); got != c.want {
			t.Errorf("%s: got %d samples, want %d", name, got, c.want)
		}
	}
}

// granules reads back the end position (in samples) of every Opus page after the two headers.
func granules(t *testing.T, path string) []uint64 {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	reader, _, err := oggreader.NewWith(file)
	if err != nil {
		t.Fatal(err)
	}
	var positions []uint64
	for {
		_, header, err := reader.ParseNextPage()
		if err != nil {
			break
		}
		if header.GranulePosition > 0 {
			positions = append(positions, header.GranulePosition)
		}
	}
	return positions
}

func TestAGapInTheAudioIsFilledWithSilence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ogg")
	ogg, err := newOggFile(path)
	if err != nil {
		t.Fatal(err)
	}
	twenty := []byte{0xf8, 0x01, 0x02} // any 20 ms CELT packet
	start := int64(1_000_000)
	for _, at := range []int64{0, 960, 1920, 960 * 53 /* a second later */, 960 * 54} {
		if err := ogg.write(twenty, start+at); err != nil {
			t.Fatal(err)
		}
	}
	if err := ogg.close(); err != nil {
		t.Fatal(err)
	}
	positions := granules(t, path)
	if len(positions) == 0 {
		t.Fatal("no audio pages written")
	}
	// 55 packets of 20 ms: the three, fifty of silence, the last two; it ends at 55 * 960.
	if last := positions[len(positions)-1]; last != 55*960 {
		t.Fatalf("the audio should end at sample %d, ends at %d", 55*960, last)
	}
}

func TestAPacketTooLateForItsPlaceIsDropped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ogg")
	ogg, err := newOggFile(path)
	if err != nil {
		t.Fatal(err)
	}
	twenty := []byte{0xf8, 0x01, 0x02}
	for _, at := range []int64{0, 960, 1920, 960 /* again, late */, 2880} {
		if err := ogg.write(twenty, at); err != nil {
			t.Fatal(err)
		}
	}
	_ = ogg.close()
	positions := granules(t, path)
	if last := positions[len(positions)-1]; last != 4*960 {
		t.Fatalf("the audio should end at sample %d, ends at %d", 4*960, last)
	}
}

func TestIVFHeaderAndFrames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.ivf")
	ivf, err := newIVFFile(path, "video/VP8")
	if err != nil {
		t.Fatal(err)
	}
	// A VP8 key frame's first bytes: frame tag, start code, 640x360.
	key := []byte{0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0x68, 0x01, 0xaa}
	if err := ivf.writeFrame(key, 0); err != nil {
		t.Fatal(err)
	}
	if err := ivf.writeFrame([]byte{0x31, 0x00}, 3000); err != nil {
		t.Fatal(err)
	}
	if err := ivf.close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data[0:4]) != "DKIF" || string(data[8:12]) != "VP80" {
		t.Fatalf("not an IVF file of VP8: %q", data[0:12])
	}
	if w, h := binary.LittleEndian.Uint16(data[12:]), binary.LittleEndian.Uint16(data[14:]); w != 640 || h != 360 {
		t.Fatalf("size %dx%d, want 640x360", w, h)
	}
	if rate, scale := binary.LittleEndian.Uint32(data[16:]), binary.LittleEndian.Uint32(data[20:]); rate != 90000 || scale != 1 {
		t.Fatalf("time base %d/%d, want 1/90000", scale, rate)
	}
	if frames := binary.LittleEndian.Uint32(data[24:]); frames != 2 {
		t.Fatalf("%d frames in the header, want 2", frames)
	}
	second := 32 + 12 + len(key)
	if pts := binary.LittleEndian.Uint64(data[second+4:]); pts != 3000 {
		t.Fatalf("second frame at %d, want 3000", pts)
	}
	if _, err := newIVFFile(filepath.Join(t.TempDir(), "h.ivf"), "video/H264"); err == nil {
		t.Fatal("H.264 is not written to IVF")
	}
}

// A full disk (/dev/full answers every write with ENOSPC) ends a recording with a message the app
// recognises; an unsupported codec only skips its track.
func TestWritingToAFullDiskSaysTheDiskIsFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	_, ivfErr := newIVFFile("/dev/full", "video/VP8")
	_, oggErr := newOggFile("/dev/full")
	for _, err := range []error{ivfErr, oggErr} {
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("expected ENOSPC, got %v", err)
		}
		if got := (&writeFailure{file: "track", err: err}).message(); got != "the disk is full" {
			t.Fatalf("message %q", got)
		}
	}
	other := &writeFailure{file: "v.ivf", err: os.ErrPermission}
	if got := other.message(); got != "could not write the recording: writing v.ivf: permission denied" {
		t.Fatalf("message %q", got)
	}
	var unsupported *unsupportedCodec
	if _, err := newIVFFile(filepath.Join(t.TempDir(), "v.ivf"), "video/H264"); !errors.As(err, &unsupported) {
		t.Fatalf("expected an unsupported codec, got %v", err)
	}
}
