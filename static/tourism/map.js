/* Tambon tourism maps: Leaflet (served by this site) over OpenStreetMap tiles.
 * Progressive enhancement: the page already lists every place with links to map apps; this script
 * only shows the hidden map container and draws the places read from a JSON <script> element.
 * Markers are for pointers only (not in the tab order): nearby places overlap on the overview map,
 * and the list beside the map gives keyboard and screen reader users the same links (WCAG 2.5.8). */
(function () {
  "use strict";

  function popupContent(place) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = place.url;
    link.textContent = place.name;
    box.appendChild(link);
    if (place.category) {
      var category = document.createElement("div");
      category.textContent = place.category;
      box.appendChild(category);
    }
    return box;
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-places"));
    if (!source || !window.L) { return; }
    var places = JSON.parse(source.textContent);
    if (!places.length) { return; }
    container.hidden = false;
    var map = window.L.map(container, { scrollWheelZoom: false, zoomControl: false });
    // Leaflet's own control titles and credit link are English: the page gives them in its language.
    window.L.control.zoom({
      zoomInTitle: container.getAttribute("data-zoom-in"),
      zoomOutTitle: container.getAttribute("data-zoom-out")
    }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    window.L.tileLayer(container.getAttribute("data-tiles"), {
      maxZoom: 19,
      attribution: container.getAttribute("data-attribution")
    }).addTo(map);
    var icon = window.L.icon({
      iconUrl: container.getAttribute("data-icon"),
      iconRetinaUrl: container.getAttribute("data-icon2x"),
      shadowUrl: container.getAttribute("data-shadow"),
      iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41]
    });
    var points = places.map(function (place) {
      window.L.marker([place.lat, place.lon], { icon: icon, title: place.name, alt: place.name, keyboard: false })
        .addTo(map)
        .bindPopup(popupContent(place));
      return [place.lat, place.lon];
    });
    if (points.length === 1) {
      map.setView(points[0], Number(container.getAttribute("data-zoom")) || 15);
    } else {
      map.fitBounds(points, { padding: [32, 32], maxZoom: 16 });
    }
  }

  function start() {
    var containers = document.querySelectorAll("[data-tourism-map]");
    for (var i = 0; i < containers.length; i++) { draw(containers[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
