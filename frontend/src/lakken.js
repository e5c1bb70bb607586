// Drawing a box on the page view of a Woo document (woo/document.html).
//
// Progressive enhancement: without JavaScript the assessor types the corners into the draw form's
// number fields. With it, dragging over the page image with a mouse, pen or finger (pointer events)
// fills those same fields, in PDF points from the top left of the page as shown. The page size in
// points comes from the SVG's data-breedte/data-hoogte; the SVG's viewBox is that size, so a
// preview <rect> takes the points directly as attributes (no style attribute: strict CSP).
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  // The service refuses boxes smaller than 2 x 2 points (a slip of the mouse).
  var MINIMUM = 2;

  function afronden(waarde) {
    return Math.round(waarde * 10) / 10;
  }

  function begrensd(waarde, maximum) {
    return Math.min(Math.max(waarde, 0), maximum);
  }

  function opzetten(vel) {
    var formulier = document.getElementById(vel.getAttribute("data-formulier") || "");
    if (!formulier) {
      return;
    }
    var breedte = parseFloat(vel.getAttribute("data-breedte"));
    var hoogte = parseFloat(vel.getAttribute("data-hoogte"));
    if (!(breedte > 0 && hoogte > 0)) {
      return;
    }
    var velden = {
      x0: formulier.elements.namedItem("x0"),
      y0: formulier.elements.namedItem("y0"),
      x1: formulier.elements.namedItem("x1"),
      y1: formulier.elements.namedItem("y1"),
    };
    if (!velden.x0 || !velden.y0 || !velden.x1 || !velden.y1) {
      return;
    }
    var grond = formulier.elements.namedItem("grond");
    var status = document.getElementById(vel.getAttribute("data-status") || "");

    var voorbeeld = document.createElementNS(SVG_NS, "rect");
    voorbeeld.setAttribute("class", "raadhuis-lakvak-nieuw");
    voorbeeld.setAttribute("visibility", "hidden");
    vel.appendChild(voorbeeld);
    vel.classList.add("raadhuis-lakpagina__vel--tekenen");

    function melden(tekst) {
      if (status) {
        status.textContent = tekst;
      }
    }

    // Screen pixels to PDF points: the position within the image's box on screen, scaled by
    // the page size in points.
    function naarPunten(event) {
      var vak = vel.getBoundingClientRect();
      return {
        x: begrensd(((event.clientX - vak.left) / vak.width) * breedte, breedte),
        y: begrensd(((event.clientY - vak.top) / vak.height) * hoogte, hoogte),
      };
    }

    function tonen(x0, y0, x1, y1) {
      voorbeeld.setAttribute("x", String(Math.min(x0, x1)));
      voorbeeld.setAttribute("y", String(Math.min(y0, y1)));
      voorbeeld.setAttribute("width", String(Math.abs(x1 - x0)));
      voorbeeld.setAttribute("height", String(Math.abs(y1 - y0)));
      voorbeeld.setAttribute("visibility", "visible");
    }

    function verbergen() {
      voorbeeld.setAttribute("visibility", "hidden");
    }

    var begin = null;
    var aanwijzer = null;

    function stoppen() {
      if (aanwijzer !== null && vel.hasPointerCapture && vel.hasPointerCapture(aanwijzer)) {
        vel.releasePointerCapture(aanwijzer);
      }
      begin = null;
      aanwijzer = null;
    }

    vel.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || aanwijzer !== null) {
        return;
      }
      begin = naarPunten(event);
      aanwijzer = event.pointerId;
      vel.setPointerCapture(event.pointerId);
      tonen(begin.x, begin.y, begin.x, begin.y);
      event.preventDefault();
    });

    vel.addEventListener("pointermove", function (event) {
      if (event.pointerId !== aanwijzer || begin === null) {
        return;
      }
      var punt = naarPunten(event);
      tonen(begin.x, begin.y, punt.x, punt.y);
    });

    vel.addEventListener("pointerup", function (event) {
      if (event.pointerId !== aanwijzer || begin === null) {
        return;
      }
      var punt = naarPunten(event);
      var x0 = afronden(Math.min(begin.x, punt.x));
      var y0 = afronden(Math.min(begin.y, punt.y));
      var x1 = afronden(Math.max(begin.x, punt.x));
      var y1 = afronden(Math.max(begin.y, punt.y));
      stoppen();
      if (x1 - x0 < MINIMUM || y1 - y0 < MINIMUM) {
        verbergen();
        melden(vel.getAttribute("data-te-klein") || "");
        return;
      }
      velden.x0.value = String(x0);
      velden.y0.value = String(y0);
      velden.x1.value = String(x1);
      velden.y1.value = String(y1);
      tonen(x0, y0, x1, y1);
      melden(
        (vel.getAttribute("data-getekend") || "")
          .replace("{x0}", String(x0))
          .replace("{y0}", String(y0))
          .replace("{x1}", String(x1))
          .replace("{y1}", String(y1))
      );
      if (grond && typeof grond.focus === "function") {
        grond.focus();
      }
    });

    vel.addEventListener("pointercancel", function () {
      stoppen();
      verbergen();
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && aanwijzer !== null) {
        stoppen();
        verbergen();
      }
    });

    // The keyboard path: typing the corners shows the same preview.
    function uitVelden() {
      var x0 = parseFloat(velden.x0.value);
      var y0 = parseFloat(velden.y0.value);
      var x1 = parseFloat(velden.x1.value);
      var y1 = parseFloat(velden.y1.value);
      if ([x0, y0, x1, y1].every(isFinite) && x1 > x0 && y1 > y0) {
        tonen(begrensd(x0, breedte), begrensd(y0, hoogte), begrensd(x1, breedte), begrensd(y1, hoogte));
      } else {
        verbergen();
      }
    }
    ["x0", "y0", "x1", "y1"].forEach(function (naam) {
      velden[naam].addEventListener("input", uitVelden);
    });
    uitVelden();
  }

  function starten() {
    var vellen = document.querySelectorAll("svg[data-lakken-pagina][data-formulier]");
    for (var i = 0; i < vellen.length; i += 1) {
      opzetten(vellen[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", starten);
  } else {
    starten();
  }
})();
