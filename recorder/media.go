package main

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4/pkg/media/oggwriter"
)

// RTP timestamps are 32 bits and wrap (about every 13 hours of video at 90 kHz, sooner when a
// publisher starts near the top); this extends them so later always means larger.
type timestampUnwrapper struct {
	started bool
	last    uint32
	value   int64
}

func (u *timestampUnwrapper) unwrap(ts uint32) int64 {
	if !u.started {
		u.started = true
		u.last = ts
		u.value = int64(ts)
		return u.value
	}
	u.value += int64(int32(ts - u.last))
	u.last = ts
	return u.value
}

// ivfFile writes video frames to an IVF file with a 90 kHz time base and each frame's RTP
// timestamp (from the track's first) as its presentation time, so gaps and variable frame
// rates keep their real timing. The frame count in the header is filled in on close; a file
// cut short by a crash still plays (readers take frames to the end of the file).
type ivfFile struct {
	file   *os.File
	frames uint32
	width  uint16
	height uint16
	bytes  int64
}

func fourCC(codec string) (string, error) {
	switch strings.ToLower(codec) {
	case "video/vp8":
		return "VP80", nil
	case "video/vp9":
		return "VP90", nil
	case "video/av1":
		return "AV01", nil
	}
	return "", &unsupportedCodec{codec}
}

// unsupportedCodec: a track in a codec the recorder has no file for; the others are still recorded.
type unsupportedCodec struct{ codec string }

func (e *unsupportedCodec) Error() string { return "unsupported video codec " + e.codec }

// writeFailure: a track's file could not be created or written, which ends the whole recording.
type writeFailure struct {
	file string
	err  error
}

func (e *writeFailure) Error() string { return "writing " + e.file + ": " + e.err.Error() }
func (e *writeFailure) Unwrap() error { return e.err }

// message says why the recording ended, as the app shows it to hosts (and matches "disk is full").
func (e *writeFailure) message() string {
	if errors.Is(e.err, syscall.ENOSPC) {
		return "the disk is full"
	}
	return "could not write the recording: " + e.Error()
}

func newIVFFile(path, codec string) (*ivfFile, error) {
	code, err := fourCC(codec)
	if err != nil {
		return nil, err
	}
	file, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	header := make([]byte, 32)
	copy(header[0:], "DKIF")
	binary.LittleEndian.PutUint16(header[4:], 0)
	binary.LittleEndian.PutUint16(header[6:], 32)
	copy(header[8:], code)
	binary.LittleEndian.PutUint32(header[16:], 90000) // time base: 1/90000 s
	binary.LittleEndian.PutUint32(header[20:], 1)
	if _, err := file.Write(header); err != nil {
		file.Close()
		return nil, err
	}
	return &ivfFile{file: file, bytes: 32}, nil
}

// vp8KeyFrameSize reads the picture size from a VP8 key frame (RFC 6386, 9.1).
func vp8KeyFrameSize(frame []byte) (uint16, uint16, bool) {
	if len(frame) < 10 || frame[0]&0x01 != 0 || frame[3] != 0x9d || frame[4] != 0x01 || frame[5] != 0x2a {
		return 0, 0, false
	}
	return binary.LittleEndian.Uint16(frame[6:]) & 0x3fff, binary.LittleEndian.Uint16(frame[8:]) & 0x3fff, true
}

func (f *ivfFile) writeFrame(frame []byte, pts int64) error {
	if f.width == 0 {
		if w, h, ok := vp8KeyFrameSize(frame); ok {
			f.width, f.height = w, h
		}
	}
	header := make([]byte, 12)
	binary.LittleEndian.PutUint32(header[0:], uint32(len(frame)))
	binary.LittleEndian.PutUint64(header[4:], uint64(pts))
	if _, err := f.file.Write(header); err != nil {
		return err
	}
	if _, err := f.file.Write(frame); err != nil {
		return err
	}
	f.frames++
	f.bytes += int64(len(header) + len(frame))
	return nil
}

func (f *ivfFile) close() error {
	size := make([]byte, 4)
	binary.LittleEndian.PutUint16(size[0:], f.width)
	binary.LittleEndian.PutUint16(size[2:], f.height)
	count := make([]byte, 4)
	binary.LittleEndian.PutUint32(count, f.frames)
	_, errSize := f.file.WriteAt(size, 12)
	_, errCount := f.file.WriteAt(count, 24)
	return errors.Join(errSize, errCount, f.file.Close())
}

// opusSamples is how many 48 kHz samples an Opus packet holds (RFC 6716, 3.1 and 3.2).
func opusSamples(packet []byte) int64 {
	if len(packet) == 0 {
		return 0
	}
	config := packet[0] >> 3
	var perFrame int64
	switch {
	case config < 12:
		perFrame = [...]int64{480, 960, 1920, 2880}[config%4]
	case config < 16:
		perFrame = [...]int64{480, 960}[config%2]
	default:
		perFrame = [...]int64{120, 240, 480, 960}[config%4]
	}
	frames := int64(1)
	switch packet[0] & 0x03 {
	case 1, 2:
		frames = 2
	case 3:
		if len(packet) < 2 {
			return 0
		}
		frames = int64(packet[1] & 0x3f)
	}
	return perFrame * frames
}

// An Opus packet of 20 ms of silence (CELT, full band, one frame with no energy).
var opusSilence = []byte{0xf8, 0xff, 0xfe}

const opusSilenceSamples = 960

// oggFile writes Opus to an Ogg file. Ogg's timing is the count of samples written, so a gap in
// the packets (a muted microphone, or the browser sending nothing while it is quiet) would pull
// everything after it earlier: the gap is filled with silence instead.
type oggFile struct {
	writer   *oggwriter.OggWriter
	counter  *countingWriter
	sequence uint16
	started  bool
	first    int64 // the extended RTP timestamp (48 kHz) of the first packet
	written  int64 // samples in the file so far
}

type countingWriter struct {
	io.WriteCloser
	bytes int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.WriteCloser.Write(p)
	c.bytes += int64(n)
	return n, err
}

func newOggFile(path string) (*oggFile, error) {
	file, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	counter := &countingWriter{WriteCloser: file}
	writer, err := oggwriter.NewWith(counter, 48000, 2)
	if err != nil {
		file.Close()
		return nil, err
	}
	return &oggFile{writer: writer, counter: counter}, nil
}

func (o *oggFile) writePacket(payload []byte) error {
	o.sequence++
	return o.writer.WriteRTP(&rtp.Packet{Header: rtp.Header{SequenceNumber: o.sequence}, Payload: payload})
}

// write takes a packet with its extended RTP timestamp (48 kHz). Positions are kept against the
// first packet's timestamp, so rounding a gap to whole silent packets never adds up.
func (o *oggFile) write(payload []byte, timestamp int64) error {
	if !o.started {
		o.started = true
		o.first = timestamp
	}
	position := timestamp - o.first
	for o.written+opusSilenceSamples <= position {
		if err := o.writePacket(opusSilence); err != nil {
			return err
		}
		o.written += opusSilenceSamples
	}
	// A packet that arrives too late for its place is dropped rather than shifting the rest.
	if position < o.written-opusSilenceSamples/2 {
		return nil
	}
	o.written += opusSamples(payload)
	return o.writePacket(payload)
}

// close ends the stream; the Ogg writer closes the file it writes to.
func (o *oggFile) close() error {
	return o.writer.Close()
}
