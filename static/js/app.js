// Small progressive enhancements; the pages work without them.
// Follow-up questions: show a field group only when its controlling answer applies.
(function () {
  function applies(group, form) {
    var key = group.getAttribute("data-applies-key");
    var value = group.getAttribute("data-applies-value");
    var inputs = form.querySelectorAll('[name="' + key + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if ((input.type === "checkbox" || input.type === "radio") && input.checked && input.value === value) return true;
      if (input.tagName === "SELECT" && input.value === value) return true;
    }
    return false;
  }
  function refresh(form) {
    form.querySelectorAll("[data-applies-key]").forEach(function (group) {
      group.hidden = !applies(group, form);
    });
  }
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form) refresh(form);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(refresh);
  });
})();

// Live preview: tell the server which clause the question being answered affects,
// and bring that clause into view in the preview without moving keyboard focus.
(function () {
  function clauseOf(element) {
    var holder = element.closest("[data-clause]");
    return holder ? holder.getAttribute("data-clause") : "";
  }
  document.addEventListener("focusin", function (event) {
    var form = event.target.form;
    if (!form) return;
    var focus = form.querySelector("#focus-clause");
    if (focus) focus.value = clauseOf(event.target);
  });
  function reveal(body) {
    var marked = body.querySelector(".highlight");
    var pane = body.closest(".preview-pane");
    if (marked && pane) {
      pane.scrollTop += marked.getBoundingClientRect().top - pane.getBoundingClientRect().top - 48;
    }
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id === "preview-body") reveal(event.target);
  });
  // An answer that changes only some sections swaps just those, out of band.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var body = document.getElementById("preview-body");
    var swapped = event.detail && event.detail.target;
    if (body && swapped && swapped.tagName === "SECTION") reveal(body);
  });
})();

// Review links: copy the link shown once; quote the text selected in a document into
// the comment form (the clause it lies in chosen too). Without script, copy by hand.
(function () {
  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy-target]");
    if (copy) {
      var id = copy.getAttribute("data-copy-target");
      var input = document.getElementById(id);
      var status = document.querySelector('[data-copy-status="' + id + '"]');
      input.select();
      var done = function () { if (status) status.textContent = "Copied."; };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, function () {
        if (status) status.textContent = "Select the link and copy it.";
      });
    }
    var quote = event.target.closest("[data-quote-selection]");
    if (quote) {
      var container = document.getElementById(quote.getAttribute("data-quote-selection"));
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || !container.contains(selection.anchorNode)) return;
      var node = selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement;
      var block = node.closest("[data-clause]");
      var form = quote.parentElement.querySelector("form");
      var text = form.querySelector('[name="quote"]');
      if (text) text.value = selection.toString().trim().slice(0, 500);
      var clause = form.querySelector('[name="clause"]');
      if (block && clause) clause.value = block.getAttribute("data-clause");
      if (text) text.focus();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-quote-selection]").forEach(function (button) { button.hidden = false; });
  });
})();
