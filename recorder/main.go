// parley-recorder records Parley meetings on Parley's own server. It runs as a service beside
// the app and livekit-server, listens on loopback for the app (which proves itself with a shared
// secret), and for each recording joins the meeting's LiveKit room as a hidden, subscribe-only
// participant that writes every track to its own file (VP8/VP9/AV1 to IVF, Opus to Ogg) with a
// manifest.json saying how to line them up. The app composes the files into one video after the
// meeting. Being its own process, a recording survives a restart of the app.
package main

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"sync"
	"syscall"
	"time"
)

var errRecordingExists = errors.New("a recording with this id exists")

type config struct {
	listen string
	secret string
	dir    string
}

func readConfig() (config, error) {
	c := config{
		listen: os.Getenv("RECORDER_LISTEN"),
		secret: os.Getenv("RECORDER_SECRET"),
		dir:    os.Getenv("RECORDER_DIR"),
	}
	if c.listen == "" {
		c.listen = "127.0.0.1:7890"
	}
	if c.dir == "" {
		c.dir = "data/recordings"
	}
	if len(c.secret) < 32 {
		return c, errors.New("RECORDER_SECRET must be set to at least 32 characters (the app holds the same)")
	}
	return c, nil
}

type service struct {
	config config
	log    *slog.Logger

	mu         sync.Mutex
	recordings map[string]*Recording
}

var validID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

func (s *service) authorised(next http.HandlerFunc) http.HandlerFunc {
	expected := []byte("Bearer " + s.config.secret)
	return func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), expected) != 1 {
			writeError(w, http.StatusUnauthorized, "unauthorized", "The recorder's secret is missing or wrong.")
			return
		}
		next(w, r)
	}
}

type startRequest struct {
	ID         string `json:"id"`
	LiveKitURL string `json:"livekitUrl"`
	Token      string `json:"token"`
}

func (s *service) start(w http.ResponseWriter, r *http.Request) {
	var request startRequest
	decoder := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64*1024))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&request); err != nil || !validID.MatchString(request.ID) || request.LiveKitURL == "" || request.Token == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "Send an id (letters, digits, - and _), the LiveKit URL and a token.")
		return
	}
	s.mu.Lock()
	if _, running := s.recordings[request.ID]; running {
		s.mu.Unlock()
		writeError(w, http.StatusConflict, "recording_exists", "This recording is already running.")
		return
	}
	s.mu.Unlock()

	recording, err := startRecording(s.config.dir, request.ID, request.LiveKitURL, request.Token, s.log)
	if errors.Is(err, errRecordingExists) {
		writeError(w, http.StatusConflict, "recording_exists", "A recording with this id exists.")
		return
	}
	if err != nil {
		s.log.Warn("could not start a recording", "recording", request.ID, "error", err)
		writeError(w, http.StatusBadGateway, "join_failed", err.Error())
		return
	}
	s.mu.Lock()
	s.recordings[request.ID] = recording
	s.mu.Unlock()
	go func() {
		<-recording.Done()
		s.mu.Lock()
		delete(s.recordings, request.ID)
		s.mu.Unlock()
	}()
	writeJSON(w, http.StatusCreated, recording.Snapshot())
}

func (s *service) running(id string) *Recording {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recordings[id]
}

func (s *service) stop(w http.ResponseWriter, r *http.Request) {
	recording := s.running(r.PathValue("id"))
	if recording == nil {
		writeError(w, http.StatusNotFound, "not_recording", "No such recording is running.")
		return
	}
	recording.Stop()
	writeJSON(w, http.StatusOK, recording.Snapshot())
}

func (s *service) list(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	ids := make([]string, 0, len(s.recordings))
	for id := range s.recordings {
		ids = append(ids, id)
	}
	s.mu.Unlock()
	sort.Strings(ids)
	writeJSON(w, http.StatusOK, map[string]any{"recording": ids})
}

func (s *service) show(w http.ResponseWriter, r *http.Request) {
	recording := s.running(r.PathValue("id"))
	if recording == nil {
		writeError(w, http.StatusNotFound, "not_recording", "No such recording is running.")
		return
	}
	writeJSON(w, http.StatusOK, recording.Snapshot())
}

// stopAll ends every recording when the service is asked to stop: the files are closed properly
// and each manifest says the recording was cut short, not that the meeting ended.
func (s *service) stopAll() {
	s.mu.Lock()
	all := make([]*Recording, 0, len(s.recordings))
	for _, recording := range s.recordings {
		all = append(all, recording)
	}
	s.mu.Unlock()
	var wg sync.WaitGroup
	for _, recording := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			recording.finishAs("failed", "the recorder was shut down during the recording")
		}()
	}
	wg.Wait()
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := readConfig()
	if err != nil {
		log.Error(err.Error())
		os.Exit(2)
	}
	if err := os.MkdirAll(cfg.dir, 0o750); err != nil {
		log.Error("cannot create the recordings folder", "dir", cfg.dir, "error", err)
		os.Exit(1)
	}
	s := &service{config: cfg, log: log, recordings: map[string]*Recording{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	})
	mux.HandleFunc("GET /recordings", s.authorised(s.list))
	mux.HandleFunc("POST /recordings", s.authorised(s.start))
	mux.HandleFunc("GET /recordings/{id}", s.authorised(s.show))
	mux.HandleFunc("POST /recordings/{id}/stop", s.authorised(s.stop))
	server := &http.Server{Addr: cfg.listen, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	go func() {
		<-ctx.Done()
		s.stopAll()
		shutdown, done := context.WithTimeout(context.Background(), 5*time.Second)
		defer done()
		_ = server.Shutdown(shutdown)
	}()
	log.Info("parley-recorder listening", "address", cfg.listen, "dir", cfg.dir)
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("cannot listen", "address", cfg.listen, "error", err)
		os.Exit(1)
	}
}
