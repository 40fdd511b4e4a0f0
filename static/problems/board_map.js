// The board's map: an enhancement of the list, which stays the way to every report. Nothing is loaded
// until the citizen opens "Show the reports on a map": then Leaflet (served by this site), the office's
// own tiles, and the cases from one bounded JSON request per view (grouped on the server per zoom,
// problems/board_map.py). Text from the cases is put in with textContent, never as HTML.
(function () {
  "use strict";
  var box = document.querySelector("[data-board-map]");
  if (!box || !window.fetch) return;
  var area = box.querySelector(".problems-map");
  var status = box.querySelector("[data-board-map-status]");
  var started = false;
  box.hidden = false;

  function text(name, values) {
    return box.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function popup(point, data) {
    var category = data.categories[point.category] || { name: "", icon: "" };
    var content = document.createElement("div");
    var link = document.createElement("a");
    link.href = box.getAttribute("data-case").replace(/\/0\/$/, "/" + Number(point.id) + "/");
    link.textContent = (category.icon ? category.icon + " " : "") + category.name;
    content.appendChild(link);
    [data.states[point.state], point.place, point.date].forEach(function (line) {
      if (!line) return;
      var row = document.createElement("div");
      row.textContent = line;
      content.appendChild(row);
    });
    return content;
  }

  function draw(L) {
    var map = L.map(area, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: text("zoom-in"), zoomOutTitle: text("zoom-out") }).addTo(map);
    map.attributionControl.setPrefix(false);
    L.tileLayer(box.getAttribute("data-tiles"), {
      maxZoom: 19, attribution: box.getAttribute("data-attribution"),
    }).addTo(map);
    map.setView([parseFloat(box.getAttribute("data-lat")), parseFloat(box.getAttribute("data-lon"))], 13);
    var layer = L.layerGroup().addTo(map);
    // {zoom, bounds} of the last answer: moving inside it needs no new request. The first asks for the
    // whole board at the starting zoom, so opening the map is one request.
    var fetched = null;

    function show(data) {
      layer.clearLayers();
      data.points.forEach(function (point) {
        var single = point.count === 1 && point.id;
        var icon = L.divIcon({
          className: single ? "problems-map__case problems-map__case--" + point.state : "problems-map__group",
          html: single ? "" : String(Number(point.count)), iconSize: single ? [18, 18] : [34, 34],
        });
        var label = single ? (data.categories[point.category] || {}).name : text("group", { count: point.count });
        var marker = L.marker([point.lat, point.lon], { icon: icon, title: label, keyboard: false });
        if (single) {
          marker.bindPopup(popup(point, data));
        } else {
          marker.on("click", function () { map.setView([point.lat, point.lon], Math.min(map.getZoom() + 2, 19)); });
        }
        marker.addTo(layer);
      });
      status.textContent = text("summary", {
        shown: data.shown, total: data.total, without: data.without_position,
      }) + (data.truncated ? " " + text("cut") : "");
    }

    function refresh() {
      var zoom = map.getZoom();
      var view = map.getBounds();
      if (fetched && fetched.zoom === zoom && fetched.bounds.contains(view)) return;
      var wide = fetched ? view.pad(0.5) : L.latLngBounds([-90, -180], [90, 180]);
      var url = box.getAttribute("data-url");
      url += (url.indexOf("?") < 0 ? "?" : "&") + "zoom=" + zoom;
      if (fetched) {
        url += "&bbox=" + [
          Math.max(-180, wide.getWest()), Math.max(-90, wide.getSouth()),
          Math.min(180, wide.getEast()), Math.min(90, wide.getNorth()),
        ].map(function (n) { return n.toFixed(5); }).join(",");
      }
      var asked = { zoom: zoom, bounds: wide };
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) { fetched = asked; show(data); })
        .catch(function () { status.textContent = text("failed"); });
    }

    map.on("moveend", refresh);
    refresh();
  }

  box.addEventListener("toggle", function () {
    if (!box.open || started) return;
    started = true;
    status.textContent = text("loading");
    var leaflet = window.L ? Promise.resolve() : Promise.all([
      load("link", { rel: "stylesheet", href: box.getAttribute("data-css") }),
      load("script", { src: box.getAttribute("data-js") }),
    ]);
    leaflet.then(function () { draw(window.L); }).catch(function () { status.textContent = text("failed"); });
  });
})();
