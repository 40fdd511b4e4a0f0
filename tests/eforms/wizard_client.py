"""Helpers that drive the wizard over HTTP as a browser without JavaScript would."""

import re

from eforms.wizard import wizard_prefix


class Wizard:
    def __init__(self, client, page, language="th"):
        self.client = client
        self.page = page
        self.url = page.url + "apply/"
        self.prefix = wizard_prefix(page)

    def get(self, **params):
        return self.client.get(self.url, params)

    def current_step(self, response=None):
        response = response or self.get()
        match = re.search(rf'name="{self.prefix}-current_step" value="([^"]+)"', response.content.decode())
        return match[1]

    def post(self, step, data=None, files=None, **extra):
        payload = {f"{self.prefix}-current_step": step}
        for key, value in (data or {}).items():
            payload[f"{step}-{key}"] = value
        for key, value in (files or {}).items():
            payload[f"{step}-{key}"] = value
        payload.update(extra)
        return self.client.post(self.url, payload, follow=False)
