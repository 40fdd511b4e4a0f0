// "Use my position": fills the latitude and longitude inputs from the phone; the form works without it.
(function () {
  const button = document.querySelector("[data-locate]");
  if (!button || !navigator.geolocation) return;
  const status = document.querySelector("[data-locate-status]");
  button.parentElement.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(
      function (position) {
        document.getElementById("id_latitude").value = position.coords.latitude.toFixed(6);
        document.getElementById("id_longitude").value = position.coords.longitude.toFixed(6);
        document.getElementById("id_longitude").dispatchEvent(new Event("input", { bubbles: true }));
        status.textContent = "✓";
        document.dispatchEvent(new CustomEvent("problems:located", {
          detail: [position.coords.latitude, position.coords.longitude],
        }));
      },
      function () { status.textContent = button.dataset.error; },
      { enableHighAccuracy: true, timeout: 15000 }
    );
  });
})();
