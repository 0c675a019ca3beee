#!/usr/bin/python3
"""Independent client of the Kinerja RPC protocol (ALPN `kinerja-rpc/1`), written from
docs/PROTOCOL.md and proto/ only. Standard library plus the `protobuf` package; message classes
are built at run time from `protoc-c --descriptor_set_out` over ../proto.

  kinerja_client.py TLS call METHOD_PATH [--json J | --text T] [--timeout-ms N] [--metadata k=v]
  kinerja_client.py TLS selftest [--also METHOD_PATH [--json J]]...
  TLS = --ca ca.pem --cert client.pem --key client.key [--host H] --port P --server-identity URI

Responses are printed as JSON, one per line. Exit 0 = OK, 1 = non-OK status (`NAME: message` on
stderr), 2 = transport or protocol error.
"""
import argparse, json, os, socket, ssl, struct, subprocess, sys, tempfile, time
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory, text_format

ALPN = "kinerja-rpc/1"
HEADERS, MESSAGE, STATUS, CANCEL, WINDOW_UPDATE, PING, PONG, GOAWAY, SETTINGS, END_STREAM = range(1, 11)
CONNECTION_LEVEL, CALL_LEVEL = {PING, PONG, GOAWAY, SETTINGS}, {HEADERS, MESSAGE, STATUS, CANCEL, WINDOW_UPDATE, END_STREAM}
FLAG_END_STREAM, MAX_FRAME, INITIAL_WINDOW, WINDOW_MAX = 0x01, 4 * 1024 * 1024, 32, 2**31 - 1
PROTOCOL_ERROR, FLOW_CONTROL_ERROR, FRAME_TOO_LARGE = 1, 3, 4
STATUS_NAMES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
                "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
                "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"]
RPC = "kinerja.rpc.v1"
HEALTH, REFLECTION = f"{RPC}.HealthService", f"{RPC}.ReflectionService"


class TransportError(Exception):
    """Transport or protocol failure (exit 2)."""


class RpcError(Exception):
    """A call that ended with a non-OK status (exit 1)."""
    def __init__(self, code, message):
        super().__init__(f"{STATUS_NAMES[code] if code < len(STATUS_NAMES) else 'UNKNOWN'}: {message}")
        self.code = code


class NotStarted(Exception):
    """The server's GOAWAY says the call was not started: safe to retry on a new connection."""


class Types:
    """Message classes from a serialized FileDescriptorSet."""
    def __init__(self, fds_bytes):
        self.pool = descriptor_pool.DescriptorPool()
        for f in descriptor_pb2.FileDescriptorSet.FromString(fds_bytes).file:
            self.pool.AddSerializedFile(f.SerializeToString())
        self.factory = message_factory.MessageFactory(self.pool)

    def __getitem__(self, name):
        return self.factory.GetPrototype(self.pool.FindMessageTypeByName(name))

    @staticmethod
    def local():
        proto = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "proto")
        files = sorted(os.path.relpath(os.path.join(d, f), proto)
                       for d, _, fs in os.walk(proto) for f in fs if f.endswith(".proto"))
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "all.pb")
            subprocess.run(["protoc-c", "-I", proto, f"--descriptor_set_out={out}", "--include_imports", *files],
                           check=True)
            with open(out, "rb") as fh:
                return Types(fh.read())


class Connection:
    def __init__(self, args, types):
        self.types, self.buf, self.next_id = types, bytearray(), 1
        self.goaway = self.settings = self.first_frame = None
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)   # no system trust store is loaded
        ctx.minimum_version = ssl.TLSVersion.TLSv1_3
        ctx.check_hostname = False                       # identity is the URI SAN, checked below
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(cafile=args.ca)
        ctx.load_cert_chain(args.cert, args.key)
        ctx.set_alpn_protocols([ALPN])
        raw = socket.create_connection((args.host, args.port), timeout=10)
        try:
            self.sock = ctx.wrap_socket(raw)
        except Exception:
            raw.close()
            raise
        if self.sock.selected_alpn_protocol() != ALPN:
            self.close()
            raise TransportError(f"server did not select ALPN {ALPN}")
        uris = [v for k, v in self.sock.getpeercert().get("subjectAltName", ()) if k == "URI"]
        if uris != [args.server_identity]:
            self.close()
            raise TransportError(f"server identity {uris} is not [{args.server_identity}]")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
        self.sock = None

    def send(self, ftype, call_id, payload=b"", flags=0):
        self.sock.sendall(struct.pack(">IBBI", len(payload), ftype, flags, call_id) + payload)

    def protocol_error(self, code, reason):
        try:   # a client has accepted no calls: last_call_id 0
            self.send(GOAWAY, 0, self.types[f"{RPC}.GoAway"](last_call_id=0, code=code, reason=reason).SerializeToString())
        except OSError:
            pass
        self.close()
        raise TransportError(f"protocol error: {reason}")

    def _fill(self, n, deadline):
        while len(self.buf) < n:
            self.sock.settimeout(None if deadline is None else max(0.001, deadline - time.monotonic()))
            chunk = self.sock.recv(65536)
            if not chunk:
                self.close()
                raise TransportError("connection closed by the server")
            self.buf += chunk

    def read_frame(self, deadline=None):
        """Next frame (type, flags, call id, payload); answers PING, skips unknown types."""
        while True:
            self._fill(10, deadline)
            length, ftype, flags, call_id = struct.unpack(">IBBI", self.buf[:10])
            if length > MAX_FRAME:   # checked before reading the payload
                self.protocol_error(FRAME_TOO_LARGE, f"frame of {length} bytes")
            self._fill(10 + length, deadline)
            payload = bytes(self.buf[10:10 + length])
            del self.buf[:10 + length]
            if self.first_frame is None:
                self.first_frame = ftype
            if (ftype in CONNECTION_LEVEL and call_id != 0) or (ftype in CALL_LEVEL and call_id == 0):
                self.protocol_error(PROTOCOL_ERROR, f"frame type {ftype} on call id {call_id}")
            if ftype in (HEADERS, END_STREAM):
                self.protocol_error(PROTOCOL_ERROR, f"frame type {ftype} from the server")
            try:
                if ftype == GOAWAY:
                    self.goaway = self.types[f"{RPC}.GoAway"].FromString(payload)
                elif ftype == SETTINGS:
                    self.settings = self.types[f"{RPC}.Settings"].FromString(payload)
            except Exception:
                self.protocol_error(PROTOCOL_ERROR, f"undecodable frame type {ftype}")
            if ftype == PING:
                if length != 8:
                    self.protocol_error(PROTOCOL_ERROR, "PING payload is not 8 bytes")
                self.send(PONG, 0, payload)
            elif ftype in CONNECTION_LEVEL or ftype in CALL_LEVEL:
                return ftype, flags, call_id, payload

    def ping(self, timeout=5.0):
        data = os.urandom(8)
        self.send(PING, 0, data)
        deadline = time.monotonic() + timeout
        while True:
            ftype, _, _, payload = self.read_frame(deadline)
            if ftype == PONG and payload == data:
                return

    def call(self, method, requests, timeout_ms=0, metadata=()):
        """Yields the response payloads; returns on STATUS OK, raises RpcError otherwise."""
        if self.goaway is not None:
            raise NotStarted()
        cid, self.next_id = self.next_id, self.next_id + 1
        entry = self.types[f"{RPC}.MetadataEntry"]
        md = [entry(key="request-id", value="py-" + os.urandom(8).hex())] + [entry(key=k, value=v) for k, v in metadata]
        header = self.types[f"{RPC}.CallHeader"](method=method, timeout_ms=timeout_ms, metadata=md)
        # a local deadline a little after the server's, which should answer DEADLINE_EXCEEDED first
        deadline = time.monotonic() + timeout_ms / 1000 + 2 if timeout_ms else None
        pending, send_window, recv_window, consumed, ended = list(requests), INITIAL_WINDOW, INITIAL_WINDOW, 0, False
        self.send(HEADERS, cid, header.SerializeToString(), 0 if pending else FLAG_END_STREAM)
        try:
            while True:
                while pending and send_window > 0:
                    send_window -= 1
                    self.send(MESSAGE, cid, pending.pop(0), 0 if pending else FLAG_END_STREAM)
                try:
                    ftype, _, fid, payload = self.read_frame(deadline)
                except (socket.timeout, TimeoutError):
                    raise RpcError(4, f"no STATUS within {timeout_ms} ms (client deadline)")
                except TransportError:
                    if self.goaway is not None and cid > self.goaway.last_call_id:
                        ended = True
                        raise NotStarted()
                    raise
                if ftype == GOAWAY and cid > self.goaway.last_call_id:
                    ended = True
                    raise NotStarted()
                if fid != cid:
                    continue   # connection-level frame, or a frame of an ended call
                if ftype == WINDOW_UPDATE:
                    if len(payload) != 4 or struct.unpack(">I", payload)[0] == 0:
                        self.protocol_error(PROTOCOL_ERROR, "bad WINDOW_UPDATE")
                    send_window += struct.unpack(">I", payload)[0]
                    if send_window > WINDOW_MAX:
                        self.protocol_error(FLOW_CONTROL_ERROR, "window above 2^31-1")
                elif ftype == MESSAGE:
                    recv_window -= 1
                    if recv_window < 0:
                        self.protocol_error(FLOW_CONTROL_ERROR, "MESSAGE beyond the window")
                    yield payload
                    consumed += 1
                    if consumed % 16 == 0:   # grant as we consume
                        self.send(WINDOW_UPDATE, cid, struct.pack(">I", 16))
                        recv_window += 16
                elif ftype == STATUS:
                    ended = True
                    status = self.types[f"{RPC}.Status"].FromString(payload)
                    if status.code != 0:
                        raise RpcError(status.code, status.message)
                    return
                elif ftype == CANCEL:
                    ended = True
                    reason = self.types[f"{RPC}.CancelCall"].FromString(payload).reason
                    raise RpcError(1, f"call abandoned by the server ({reason})")
        finally:
            if not ended and self.sock is not None:   # deadline, Ctrl-C, or the caller stopped reading
                try:
                    self.send(CANCEL, cid, self.types[f"{RPC}.CancelCall"](reason="client abort").SerializeToString())
                except OSError:
                    pass


class Client:
    def __init__(self, args):
        self.args, self.types, self.remote, self.conn = args, Types.local(), None, None

    def connection(self):
        if self.conn is None or self.conn.sock is None or self.conn.goaway is not None:
            if self.conn is not None and self.conn.sock is not None:
                self.conn.close()
            self.conn = Connection(self.args, self.types)
        return self.conn

    def call(self, method, requests, response_cls, timeout_ms=0, metadata=()):
        for attempt in (1, 2):   # a call the server's GOAWAY says was not started is retried once
            try:
                for payload in self.connection().call(method, requests, timeout_ms, metadata):
                    try:
                        msg = response_cls.FromString(payload)
                    except Exception as e:
                        raise TransportError(f"undecodable {response_cls.DESCRIPTOR.full_name}: {e}")
                    yield msg
                return
            except NotStarted:
                if attempt == 2:
                    raise RpcError(14, "refused by GOAWAY (not started)")

    def unary(self, method, request, response_cls, timeout_ms=10000):
        responses = list(self.call(method, [request.SerializeToString()], response_cls, timeout_ms))
        if len(responses) != 1:
            raise TransportError(f"{method}: OK with {len(responses)} messages, expected 1")
        return responses[0]

    def list_services(self):
        t = self.types
        return self.unary(f"/{REFLECTION}/ListServices", t[f"{RPC}.ListServicesRequest"](),
                          t[f"{RPC}.ListServicesResponse"]).services

    def describe(self, method):
        """MethodInfo and request/response classes of a method the server lists."""
        info = next((m for s in self.list_services() for m in s.methods if m.full_name == method), None)
        if info is None:
            raise RpcError(12, f"{method} is not listed by ReflectionService/ListServices")
        try:
            return info, self.types[info.request_type], self.types[info.response_type]
        except KeyError:   # a type newer than our proto/: ask the server for its descriptors
            if self.remote is None:
                t = self.types
                resp = self.unary(f"/{REFLECTION}/GetFileDescriptorSet",
                                  t[f"{RPC}.GetFileDescriptorSetRequest"](symbols=[method.split("/")[1]]),
                                  t[f"{RPC}.GetFileDescriptorSetResponse"])
                self.remote = Types(resp.file_descriptor_set)
            return info, self.remote[info.request_type], self.remote[info.response_type]

    def run(self, method, json_text=None, text=None, timeout_ms=0, metadata=()):
        """Calls any listed method; yields the responses."""
        info, req_cls, resp_cls = self.describe(method)
        if text is not None:
            requests = [text_format.Parse(text, req_cls())]
        else:
            doc = json.loads(json_text or "{}")   # a JSON array = several messages (client streaming)
            requests = [json_format.ParseDict(d, req_cls()) for d in (doc if isinstance(doc, list) else [doc])]
        yield from self.call(method, [r.SerializeToString() for r in requests], resp_cls, timeout_ms, metadata)


def to_json(msg):
    return json_format.MessageToJson(msg, indent=None, preserving_proto_field_name=True, ensure_ascii=False)


def selftest(client, args):
    results, t = [], client.types
    def check(name, fn):
        try:
            detail = fn()
            results.append(True)
            print(f"ok   {name}: {detail}", flush=True)
        except (RpcError, TransportError, AssertionError, OSError, ValueError, json_format.ParseError) as e:
            results.append(False)
            print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
            if not isinstance(e, (RpcError, AssertionError)):
                client.conn = None
    def health():
        resp = client.unary(f"/{HEALTH}/Check", t[f"{RPC}.CheckRequest"](service=""), t[f"{RPC}.CheckResponse"])
        name = t[f"{RPC}.CheckResponse"].DESCRIPTOR.fields_by_name["status"].enum_type.values_by_number[resp.status].name
        assert name == "SERVING_STATUS_SERVING", f"status {name}"
        return name
    def settings_first():
        conn = client.connection()
        assert conn.first_frame == SETTINGS, f"first frame type {conn.first_frame}"
        return to_json(conn.settings)
    def reflection():
        names = [s.name for s in client.list_services()]
        assert HEALTH in names and REFLECTION in names, f"listed {names}"
        return ", ".join(names)
    def also(method, js):
        return lambda: "\n".join(to_json(m) for m in client.run(method, js, timeout_ms=10000)) or "(no message)"
    def unknown():
        try:
            list(client.connection().call("/kinerja.rpc.v1.NoSuchService/NoSuchMethod", [], 10000))
        except RpcError as e:
            assert e.code == 12, str(e)
            return str(e)
        raise AssertionError("call succeeded")
    def ping():
        client.connection().ping()
        return "PONG with the same 8 bytes"
    check("health-check", health)
    check("settings-first", settings_first)
    check("reflection", reflection)
    jsons = args.json or []
    for i, method in enumerate(args.also or []):
        check(f"also {method}", also(method, jsons[i] if i < len(jsons) else "{}"))
    check("unknown-method", unknown)
    check("ping", ping)
    check("connection-still-usable", health)
    print(f"selftest: {results.count(True)} passed, {results.count(False)} failed")
    return 0 if all(results) else 1


def main(argv=None):
    p = argparse.ArgumentParser(description="Kinerja RPC (kinerja-rpc/1) client")
    p.add_argument("--ca", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--server-identity", required=True, help="expected URI SAN of the server")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("call")
    c.add_argument("method")
    g = c.add_mutually_exclusive_group()
    g.add_argument("--json")
    g.add_argument("--text")
    c.add_argument("--timeout-ms", type=int, default=30000, help="0 = no deadline")
    c.add_argument("--metadata", action="append", default=[], help="key=value (e.g. authorization=Bearer ...)")
    s = sub.add_parser("selftest")
    s.add_argument("--also", action="append", help="extra method to call (pairs with --json in order)")
    s.add_argument("--json", action="append")
    args = p.parse_args(argv)
    try:
        client = Client(args)
        if args.command == "selftest":
            return selftest(client, args)
        metadata = [tuple(m.split("=", 1)) for m in args.metadata]
        for msg in client.run(args.method, args.json, args.text, args.timeout_ms, metadata):
            print(to_json(msg), flush=True)
        return 0
    except RpcError as e:
        print(e, file=sys.stderr)
        return 1
    except (TransportError, OSError, ssl.SSLError, subprocess.CalledProcessError, json.JSONDecodeError,
            json_format.ParseError, text_format.ParseError) as e:
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("CANCELLED: interrupted", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
