#!/usr/bin/env python3
"""A tiny SMTP sink on loopback for the mailing benchmark: accepts every mail, keeps none, and
counts connections and messages. Writes "connections messages" to the stats file every half second."""
import asyncio, sys, time

PORT = int(sys.argv[1]); STATS = sys.argv[2]
connections = 0; messages = 0; first = None; last = None

async def handle(reader, writer):
    global connections, messages, first, last
    connections += 1
    writer.write(b"220 sink ESMTP\r\n")
    data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if data:
            if line == b".\r\n":
                data = False
                messages += 1
                now = time.time(); first = first or now; last = now
                writer.write(b"250 OK\r\n")
            continue
        verb = line[:4].upper()
        if verb == b"EHLO":
            writer.write(b"250-sink\r\n250-8BITMIME\r\n250 SIZE 10000000\r\n")
        elif verb == b"DATA":
            data = True
            writer.write(b"354 go\r\n")
        elif verb == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()

async def stats():
    while True:
        with open(STATS, "w") as f:
            f.write(f"{connections} {messages} {first or 0} {last or 0}\n")
        await asyncio.sleep(0.5)

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", PORT)
    asyncio.create_task(stats())
    async with server:
        await server.serve_forever()

asyncio.run(main())
