#!/usr/bin/env python3
"""Take the README's screenshots from a running demo server (scripts/start-demo.sh).

    python3 scripts/screenshots.py [--url http://localhost:8069] [--db union_demo]

Logs in as each role through Odoo's JSON-RPC, hands the session cookie to a
headless Chromium through the DevTools protocol, and saves PNGs in docs/.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time

import requests
import websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = [
    ("admin", "admin", "/odoo/action-union_membership.union_member_action", "member-list.png"),
    ("doanvien", "doanvien", "/my/union", "portal.png"),
]


def session_for(url, db, login, password):
    response = requests.post(f"{url}/web/session/authenticate", json={
        "jsonrpc": "2.0", "params": {"db": db, "login": login, "password": password}}, timeout=60)
    response.raise_for_status()
    return response.cookies["session_id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="union_demo")
    args = parser.parse_args()
    profile = tempfile.mkdtemp()
    port = 9333
    browser = subprocess.Popen([
        shutil.which("chromium") or "chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
        "--remote-allow-origins=*", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=2).json()
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.2)
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        counter = iter(range(1, 10 ** 6))

        def call(method, **params):
            msg_id = next(counter)
            ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
            while True:
                answer = json.loads(ws.recv())
                if answer.get("id") == msg_id:
                    return answer.get("result", {})

        call("Network.enable")
        call("Emulation.setDeviceMetricsOverride", width=1440, height=900, deviceScaleFactor=1, mobile=False)
        host = args.url.split("//", 1)[1].split(":")[0].split("/")[0]
        for login, password, path, filename in SHOTS:
            call("Network.clearBrowserCookies")
            call("Network.setCookie", name="session_id", value=session_for(args.url, args.db, login, password),
                 domain=host, path="/")
            call("Page.navigate", url=args.url + path)
            time.sleep(20)  # the first load of the web client builds its assets
            data = call("Page.captureScreenshot", format="png")["data"]
            with open(os.path.join(ROOT, "docs", filename), "wb") as out:
                out.write(base64.b64decode(data))
            print("saved docs/" + filename)
        ws.close()
    finally:
        browser.terminate()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
