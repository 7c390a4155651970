#!/usr/bin/env python3
"""A loopback TCP proxy for .ci/sweep-on-postgres that goes silent mid-run, on cue.

  sweep-silent-proxy.py TARGET_HOST TARGET_PORT TRIGGER

Forwards to the server until a client sends bytes containing TRIGGER (say, the text of a query the
lesson sends part-way through), or until it gets SIGUSR1. From then on it forwards nothing and
answers nothing, but keeps every connection open and accepts new ones: a server whose network path
went dead, which the client learns of only from its own timeouts. The trigger makes the moment
exact, where stopping the server after a delay would miss a lesson that runs for half a second.
Prints 'port N' once listening and 'silent EPOCH_SECONDS' when it goes silent (unbuffered).
A server with TLS hides the query text: then only SIGUSR1 can make it go silent.
"""
import asyncio
import signal
import sys
import time

target_host, target_port, trigger = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
silent = False


def go_silent():
    global silent
    if not silent:
        silent = True
        print(f"silent {time.time():.3f}", flush=True)


async def pipe(reader, writer, watch):
    while True:
        data = await reader.read(65536)
        if not data:
            break
        if watch and trigger and trigger in data:
            go_silent()
        if not silent:
            writer.write(data)
            await writer.drain()
    if not silent:
        writer.close()


async def handle(client_reader, client_writer):
    if silent:
        while await client_reader.read(65536):  # accepted, never answered
            pass
        return
    server_reader, server_writer = await asyncio.open_connection(target_host, target_port)
    await asyncio.gather(pipe(client_reader, server_writer, True), pipe(server_reader, client_writer, False),
                         return_exceptions=True)


async def main():
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, go_silent)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
