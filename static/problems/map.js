// A map to place the pin, only where the office configured its own tile server. Nothing of it loads
// until the citizen opens "Place it on a map": then Leaflet (from this site) and the tiles. It starts
// at the phone's position when the citizen allows it, and moving the pin fills the latitude and
// longitude fields; the fields and the rest of the form work without it.
(function () {
  const opener = document.querySelector("[data-problems-map-opener]");
  const box = document.querySelector("[data-problems-map]");
  if (!opener || !box) return;
  opener.hidden = false;
  let started = false;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      const element = document.createElement(tag);
      Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  opener.addEventListener("toggle", function () {
    if (!opener.open || started) return;
    started = true;
    const leaflet = window.L ? Promise.resolve() : Promise.all([
      load("link", { rel: "stylesheet", href: box.dataset.css }),
      load("script", { src: box.dataset.js }),
    ]);
    leaflet.then(draw, function () { opener.hidden = true; });
  });

  function draw() {
    const latitude = document.getElementById("id_latitude");
    const longitude = document.getElementById("id_longitude");
    const typed = latitude.value && longitude.value;
    const start = typed ? [parseFloat(latitude.value), parseFloat(longitude.value)]
      : [parseFloat(box.dataset.lat), parseFloat(box.dataset.lon)];
    box.hidden = false;
    const map = L.map(box, { zoomControl: true }).setView(start, typed ? 17 : 14);
    map.zoomControl.getContainer().querySelector(".leaflet-control-zoom-in").title = box.dataset.zoomIn;
    map.zoomControl.getContainer().querySelector(".leaflet-control-zoom-out").title = box.dataset.zoomOut;
    L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
    const icon = L.icon({
      iconUrl: box.dataset.icon, iconRetinaUrl: box.dataset.icon2x, shadowUrl: box.dataset.shadow,
      iconSize: [25, 41], iconAnchor: [12, 41], shadowSize: [41, 41],
    });
    const pin = L.marker(start, { draggable: true, icon: icon, alt: box.dataset.pin, keyboard: true }).addTo(map);
    function fill(point) {
      latitude.value = point.lat.toFixed(6);
      longitude.value = point.lng.toFixed(6);
      latitude.dispatchEvent(new Event("input", { bubbles: true })); // kept on the phone (report.js)
    }
    function place(point, zoom) {
      pin.setLatLng(point);
      map.setView(point, zoom || map.getZoom());
      fill(pin.getLatLng());
    }
    pin.on("dragend", function () { fill(pin.getLatLng()); });
    map.on("click", function (event) { place(event.latlng); });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () {
        const lat = parseFloat(latitude.value), lon = parseFloat(longitude.value);
        if (isFinite(lat) && isFinite(lon)) { pin.setLatLng([lat, lon]); map.setView([lat, lon]); }
      });
    });
    if (!typed && navigator.geolocation) {
      navigator.geolocation.getCurrentPosition(function (position) {
        place(L.latLng(position.coords.latitude, position.coords.longitude), 17);
      }, function () {}, { enableHighAccuracy: true, timeout: 15000 });
    }
    document.addEventListener("problems:located", function (event) { place(L.latLng(event.detail), 17); });
  }
})();
