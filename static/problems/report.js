// Reporting on a weak connection. Without script the three steps are plain forms and the full photos
// are sent; with it:
// - what the citizen types is kept on the phone (per office) and filled in again when the page is
//   reopened: the place and description in localStorage, the name, phone and email only in
//   sessionStorage (this tab). Both are cleared once the report is sent.
// - a step sent while offline, or whose sending fails because the connection dropped, says so and is
//   sent when the connection returns.
// - photos are shrunk to at most 1,600 px (JPEG) before they are sent, when that makes them smaller;
//   the server still checks and re-encodes every photo. Not when the citizen asks us to read the
//   position stored in the photo (the canvas would drop it).
(function () {
  "use strict";
  var PREFIX = "tambon.problems.";
  var CONTACT = ["name", "phone", "email"];
  var SKIP = ["csrfmiddlewaretoken", "photos", "confirm_far", "use_photo_position"];
  var KEEP_DAYS = 7;
  var MAX_SIDE = 1600;
  var MAX_PIXELS = 40000000; // the server's limit: larger pictures are not decoded here either
  var RETRY_SECONDS = 20;

  function store(kind) {
    try {
      var s = window[kind];
      s.setItem(PREFIX + "test", "1");
      s.removeItem(PREFIX + "test");
      return s;
    } catch (e) {
      return null;
    }
  }
  var local = store("localStorage");
  var session = store("sessionStorage");

  function read(storage, key) {
    if (!storage) return {};
    try {
      var kept = JSON.parse(storage.getItem(key) || "{}");
      if (kept.at && Date.now() - kept.at > KEEP_DAYS * 864e5) {
        storage.removeItem(key);
        return {};
      }
      return kept.fields || {};
    } catch (e) {
      return {};
    }
  }

  function write(storage, key, fields) {
    if (!storage) return;
    try {
      storage.setItem(key, JSON.stringify({ at: Date.now(), fields: fields }));
    } catch (e) { /* full or refused: the form still works */ }
  }

  function forget(office) {
    [local, session].forEach(function (storage) {
      if (storage) storage.removeItem(PREFIX + "draft." + office);
    });
    if (session) session.removeItem(PREFIX + "contact." + office);
  }

  // The report was sent: nothing of it stays on the phone.
  var sent = document.querySelector("[data-problems-sent]");
  if (sent) {
    forget(sent.getAttribute("data-problems-sent"));
    return;
  }

  function init() {
    var keep = document.querySelector("[data-problems-keep]");
    var form = document.querySelector("form[data-problems-form]");
    if (!keep || !form) return;
    var office = keep.getAttribute("data-problems-keep");
    var draftKey = PREFIX + "draft." + office;
    var contactKey = PREFIX + "contact." + office;
    var statusLine = keep.querySelector(".problems-keep__status");
    var restoredNote = keep.querySelector(".problems-keep__restored");
    keep.hidden = false;

    function say(name) {
      statusLine.textContent = name ? keep.getAttribute("data-" + name) : "";
    }

    function fields() {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.name && SKIP.indexOf(el.name) < 0 && el.type !== "file" && el.type !== "submit"
          && el.type !== "button" && el.type !== "hidden";
      });
    }

    function save() {
      var draft = read(local, draftKey), contact = read(session, contactKey);
      fields().forEach(function (el) {
        if (el.type === "radio" && !el.checked) return;
        var value = el.type === "checkbox" ? (el.checked ? el.value : "") : el.value;
        if (CONTACT.indexOf(el.name) >= 0) contact[el.name] = value;
        else draft[el.name] = value;
      });
      write(local, draftKey, draft);
      write(session, contactKey, contact);
    }

    function restore() {
      var kept = read(local, draftKey), contact = read(session, contactKey);
      Object.keys(contact).forEach(function (name) { kept[name] = contact[name]; });
      var restored = false;
      var radiosChecked = {};
      fields().forEach(function (el) {
        if (el.type === "radio" && el.checked) radiosChecked[el.name] = true;
      });
      fields().forEach(function (el) {
        var value = kept[el.name];
        if (value === undefined || value === "") return;
        if (el.type === "radio") {
          if (!radiosChecked[el.name] && el.value === value) { el.checked = true; restored = true; }
        } else if (el.type === "checkbox") {
          return;
        } else if (el.value === "") {
          el.value = value;
          restored = true;
        }
      });
      if (restored) restoredNote.hidden = false;
    }

    restore();
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    keep.querySelector("[data-problems-forget]").addEventListener("click", function () {
      forget(office);
      fields().forEach(function (el) {
        if (el.type === "radio" || el.type === "checkbox") el.checked = false;
        else el.value = "";
      });
      restoredNote.hidden = true;
      form.querySelector("input, select, textarea").focus();
    });

    var waiting = null;
    function whenOnline(send) {
      clearTimeout(waiting);
      var once = function () {
        window.removeEventListener("online", once);
        clearTimeout(waiting);
        say("back");
        send();
      };
      window.addEventListener("online", once);
      // navigator.onLine can say "online" on a connection that carries nothing: try again now and then.
      waiting = setTimeout(function () { if (navigator.onLine) once(); }, RETRY_SECONDS * 1000);
    }

    var button = form.querySelector("button[type=submit]");
    function busy(on) {
      if (button) button.disabled = on;
      form.setAttribute("aria-busy", on ? "true" : "false");
    }

    var photos = form.querySelector("input[type=file][name=photos]");
    if (!photos || !window.fetch || !window.FormData) {
      // Steps 1 and 2: the ordinary form, unless the phone is offline.
      form.addEventListener("submit", function (event) {
        save();
        if (navigator.onLine !== false) return;
        event.preventDefault();
        say("offline");
        whenOnline(function () { form.submit(); });
      });
      return;
    }

    // Step 3: shrink the photos, then send with fetch so that a dropped connection loses nothing.
    var body = null;
    function send() {
      if (navigator.onLine === false) {
        say("offline");
        whenOnline(send);
        return;
      }
      busy(true);
      say("sending");
      fetch(form.action || window.location.href, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          if (response.redirected) {
            if (/\/new\/done\/$/.test(new URL(response.url).pathname)) forget(office);
            window.location.assign(response.url);
            return null;
          }
          return response.text().then(showAnswer);
        })
        .catch(function () {
          busy(false);
          say(navigator.onLine === false ? "offline" : "dropped");
          whenOnline(send);
        });
    }

    function showAnswer(html) {
      // The form again with the server's messages (a photo refused, too many reports): its <main>.
      var page = new DOMParser().parseFromString(html, "text/html");
      var main = page.querySelector("main");
      if (!main) { form.submit(); return; }
      document.title = page.title;
      document.querySelector("main").replaceWith(document.adoptNode(main));
      init();
      var summary = document.getElementById("error-summary");
      (summary || document.querySelector("main")).focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save();
      busy(true);
      var data = new FormData(form);
      var files = Array.prototype.slice.call(photos.files || []);
      var readPosition = form.elements.use_photo_position && form.elements.use_photo_position.checked;
      if (files.length && !readPosition) say("shrinking");
      Promise.all(files.map(function (file) { return readPosition ? file : shrink(file); }))
        .then(function (smaller) {
          data.delete("photos");
          smaller.forEach(function (file) { data.append("photos", file, file.name); });
          body = data;
          send();
        });
    });
  }

  function shrink(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type) || !window.URL || !window.HTMLCanvasElement) {
      return Promise.resolve(file);
    }
    return new Promise(function (resolve) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      function keep() { URL.revokeObjectURL(url); resolve(file); }
      image.onerror = keep;
      image.onload = function () {
        var width = image.naturalWidth, height = image.naturalHeight;
        if (!width || !height || width * height > MAX_PIXELS) { keep(); return; }
        var scale = Math.min(1, MAX_SIDE / Math.max(width, height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(width * scale));
        canvas.height = Math.max(1, Math.round(height * scale));
        var context = canvas.getContext("2d");
        context.fillStyle = "#fff"; // a transparent PNG becomes white, not black
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height); // upright, as the browser shows it
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          if (!blob || blob.size >= file.size) { resolve(file); return; }
          resolve(new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" }));
        }, "image/jpeg", 0.85);
      };
      image.src = url;
    });
  }

  init();
})();
