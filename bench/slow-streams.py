#!/usr/bin/env python3
"""A slow streaming upstream and N concurrent streaming clients, for bench/gateway-streams.sh.

  slow-streams.py upstream PORT EVENTS GAP_MS      an OpenAI-compatible upstream: every POST gets
                                                   EVENTS chat chunks GAP_MS apart, then [DONE]
  slow-streams.py clients URL KEY MODEL N          N concurrent streamed chats; prints time to first
                                                   event (p50, p99), events per stream, failures
"""
import asyncio, json, sys, time

def chunk(i):
    body = {"id": "chatcmpl-slow", "object": "chat.completion.chunk", "created": 1, "model": "slow",
            "choices": [{"index": 0, "delta": {"content": "w%d " % i}, "finish_reason": None}]}
    return ("data: " + json.dumps(body) + "\n\n").encode()

async def upstream(port, events, gap):
    async def serve(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")), 0)
                await reader.readexactly(length)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                for i in range(events):
                    data = chunk(i)
                    writer.write(b"%x\r\n%s\r\n" % (len(data), data))
                    await writer.drain()
                    await asyncio.sleep(gap / 1000)
                done = b'data: {"id":"chatcmpl-slow","object":"chat.completion.chunk","created":1,"model":"slow","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n'
                writer.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(done), done))
                await writer.drain()
                if b"connection: close" in head.lower():
                    writer.close()
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
    server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=2048)
    async with server:
        await server.serve_forever()

async def client(host, port, path, key, model):
    body = json.dumps({"model": model, "stream": True, "messages": [{"role": "user", "content": "hi"}]}).encode()
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"POST %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (path.encode(), host.encode(), key.encode(), len(body), body))
    await writer.drain()
    first, events = None, 0
    while True:
        line = await reader.readline()
        if not line:
            break
        if line.startswith(b"data: "):
            if first is None:
                first = time.monotonic() - started
            events += 1
    writer.close()
    return first, events

async def clients(url, key, model, n):
    hostport, path = url.split("//")[1].split("/", 1)
    host, port = hostport.split(":")
    results = await asyncio.gather(*(client(host, int(port), "/" + path, key, model) for _ in range(n)), return_exceptions=True)
    ok = [r for r in results if not isinstance(r, Exception) and r[0] is not None]
    firsts = sorted(r[0] for r in ok)
    pick = lambda q: firsts[min(len(firsts) - 1, int(q * len(firsts)))] * 1000 if firsts else float("nan")
    print("streams %d, completed %d, failed %d, first event p50 %.1f ms p99 %.1f ms, events per stream min %d max %d"
          % (n, len(ok), n - len(ok), pick(0.5), pick(0.99), min((r[1] for r in ok), default=0), max((r[1] for r in ok), default=0)))

if __name__ == "__main__":
    if sys.argv[1] == "upstream":
        asyncio.run(upstream(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
    else:
        asyncio.run(clients(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])))
