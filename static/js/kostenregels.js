// The cost lines of the street-event form, enhanced: without JavaScript "Nog een kostenregel"
// posts the form and the server adds a line; with it the line is added here from the
// <template>, and the running total follows the typing. Amounts are counted in whole cents
// (integers), never as floating-point euros.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var lijst = document.querySelector("[data-kostenregels]");
  var sjabloon = document.getElementById("kostenregel-sjabloon");
  var totaalVeld = document.getElementById("id_kosten-TOTAL_FORMS");
  var knop = document.querySelector("[data-kostenregel-erbij]");
  var vol = document.querySelector("[data-kostenregels-vol]");
  var blok = document.querySelector("[data-kostentotaal]");
  if (!lijst || !totaalVeld) {
    return;
  }
  var maxRegels = parseInt(lijst.dataset.max, 10);

  // The grammar of core/bedragen.py (bedrag_lezen): "12,50", "1.234,50", "12.50", "€ 12,-".
  var BEDRAG = /^([0-9]{1,3}([. ])[0-9]{3}(?:\2[0-9]{3})*|[0-9]+)(?:([.,])([0-9]{1,2}|-{1,2}))?$/;
  var MAX_CENTEN = 10000000; // ABSURD_BEDRAG, 100.000,00

  function centen(tekst) {
    tekst = tekst.replace(/[\u00a0\u202f\u2009\t]/g, " ").trim();
    tekst = tekst.replace(/^(?:€|eur\b)\s*/i, "").replace(/\s*(?:€|eur)$/i, "").trim();
    var m = BEDRAG.exec(tekst);
    if (!m) {
      return null;
    }
    var geheel = m[1], scheiding = m[2], teken = m[3], cent = m[4] || "";
    if (scheiding === "." && (teken === "." || (!teken && geheel.split(".").length === 2))) {
      return null; // "1.234" is refused by the server as ambiguous
    }
    if (cent.charAt(0) === "-") {
      if (teken !== ",") {
        return null;
      }
      cent = "";
    }
    var cijfers = geheel.replace(/[. ]/g, "").replace(/^0+/, "") || "0";
    if (cijfers.length > 12) {
      return null;
    }
    var waarde = parseInt(cijfers, 10) * 100 + parseInt((cent + "00").slice(0, 2), 10);
    return waarde > 0 && waarde <= MAX_CENTEN ? waarde : null;
  }

  function euro(c) {
    var heel = String(Math.floor(c / 100));
    var groepen = [];
    while (heel.length > 3) {
      groepen.unshift(heel.slice(-3));
      heel = heel.slice(0, -3);
    }
    groepen.unshift(heel);
    return "€\u00a0" + groepen.join(".") + "," + String(c % 100).padStart(2, "0");
  }

  function naarCenten(decimaal) {
    // "100.00" from the server (a Decimal as text).
    var delen = decimaal.split(".");
    return parseInt(delen[0], 10) * 100 + parseInt(((delen[1] || "") + "00").slice(0, 2), 10);
  }

  function zet(selector, tekst) {
    var el = blok.querySelector(selector);
    if (el && el.textContent !== tekst) {
      el.textContent = tekst;
    }
  }

  function tellen() {
    if (!blok) {
      return;
    }
    var subsidiabel = (blok.dataset.subsidiabel || "").split(" ");
    var totaal = 0, telt = 0;
    lijst.querySelectorAll("[data-kostenpost]").forEach(function (regel) {
      var bedrag = regel.querySelector("input[name$='-bedrag']");
      var soort = regel.querySelector("select[name$='-categorie']");
      var c = bedrag ? centen(bedrag.value) : null;
      if (c === null) {
        return;
      }
      totaal += c;
      if (soort && subsidiabel.indexOf(soort.value) !== -1) {
        telt += c;
      }
    });
    zet("[data-kosten-totaal]", euro(totaal));
    zet("[data-kosten-telt-mee]", euro(telt));
    if (!blok.dataset.maximum) {
      zet("[data-kosten-bijdrage]", euro(telt));
      return;
    }
    var max = naarCenten(blok.dataset.maximum);
    zet("[data-kosten-bijdrage]", telt > max ? euro(max) + " (ten hoogste " + euro(max) + ")" : euro(telt));
    zet("[data-kosten-ruimte]", telt > max
      ? euro(telt - max) + " boven het maximum van " + euro(max) + ": dat deel betaalt u zelf."
      : "Nog " + euro(max - telt) + " over tot het maximum van " + euro(max) + ".");
  }

  // While typing the total waits for a pause, so a screen reader is not given every digit.
  var wachten = null;
  lijst.addEventListener("input", function () {
    window.clearTimeout(wachten);
    wachten = window.setTimeout(tellen, 400);
  });
  lijst.addEventListener("change", function () {
    window.clearTimeout(wachten);
    tellen();
  });

  function regelErbij() {
    var aantal = parseInt(totaalVeld.value, 10) || 0;
    if (aantal >= maxRegels) {
      knop.hidden = true;
      vol.hidden = false;
      return;
    }
    var kopie = sjabloon.content.cloneNode(true);
    kopie.querySelectorAll("*").forEach(function (el) {
      Array.prototype.forEach.call(el.attributes, function (a) {
        if (a.value.indexOf("__prefix__") !== -1) {
          el.setAttribute(a.name, a.value.replace(/__prefix__/g, String(aantal)));
        }
      });
    });
    var legend = kopie.querySelector("legend");
    if (legend) {
      legend.textContent = legend.textContent.replace("__nummer__", String(aantal + 1));
    }
    lijst.appendChild(kopie);
    totaalVeld.value = String(aantal + 1);
    var eerste = document.getElementById("id_kosten-" + aantal + "-categorie");
    if (eerste) {
      eerste.focus();
    }
    if (aantal + 1 >= maxRegels) {
      knop.hidden = true;
      vol.hidden = false;
    }
  }

  if (knop && sjabloon && vol) {
    // No longer a submit button: the click stays on this page. (Enter in a field sends the
    // application with or without JavaScript: the hidden default button at the top of the
    // form, templates/budgetten/aanvraag_form.html.)
    knop.type = "button";
    knop.addEventListener("click", regelErbij);
  }
});
