// The condition builder: edits the criteria JSON tree in place (so any tree the API accepts round-trips unchanged),
// shows the live count of complete conditions, and saves through the same model as the API.
import { OPERATOR_LABELS, NO_VALUE, el, isComplete, valueInput, valueShape } from "./builder-inputs.js";

const catalog = JSON.parse(document.getElementById("builder-catalog").textContent);
const state = JSON.parse(document.getElementById("builder-state").textContent);
const fieldsByKey = new Map(catalog.fields.map((f) => [f.key, f]));
const csrf = {
  header: document.querySelector('meta[name="_csrf_header"]').content,
  token: document.querySelector('meta[name="_csrf"]').content,
};

const root = state.criteria || { match: "all", conditions: [{}] };
const tree = document.getElementById("criteria-tree");
const countNode = document.getElementById("live-count");
const sampleNode = document.getElementById("live-sample");
const form = document.getElementById("segment-form");
let dirty = false;
let previewTimer;
let previewAbort;

const isGroup = (node) => node && Array.isArray(node.conditions) && !("field" in node);

function changed(structural) {
  dirty = true;
  if (structural) render();
  else refreshCompleteness();
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 250);
}

function render() {
  tree.replaceChildren(groupNode(root, "criteria", null, -1));
  refreshCompleteness();
}

function groupNode(group, path, parent, index) {
  const match = el("select", { class: "match", "aria-label": "Match" }, ["all", "any", "none"].map((m) =>
    el("option", { value: m, text: m })));
  match.value = group.match;
  match.addEventListener("change", () => { group.match = match.value; changed(false); });
  const legend = el("legend", {}, [document.createTextNode("Match "), match,
    document.createTextNode(" of the following")]);
  const members = el("div", { class: "members" });
  group.conditions.forEach((member, i) => {
    const memberPath = `${path}.conditions[${i}]`;
    members.append(isGroup(member) ? groupNode(member, memberPath, group, i) : conditionNode(member, memberPath, group, i));
  });
  const addCondition = el("button", { type: "button", class: "secondary outline add-condition", text: "+ Condition" });
  addCondition.addEventListener("click", () => { group.conditions.push({}); changed(true); focusLast(path); });
  const controls = el("div", { class: "group-controls" }, [addCondition]);
  if (path.split(".conditions[").length <= 4) {
    const addGroup = el("button", { type: "button", class: "secondary outline add-group", text: "+ Group" });
    addGroup.addEventListener("click", () => {
      group.conditions.push({ match: group.match === "all" ? "any" : "all", conditions: [{}] });
      changed(true);
    });
    controls.append(addGroup);
  }
  if (parent) {
    const remove = el("button", { type: "button", class: "secondary outline remove-group", text: "Remove group" });
    remove.addEventListener("click", () => { parent.conditions.splice(index, 1); changed(true); });
    controls.append(remove);
  }
  return el("fieldset", { class: "group", "data-path": path }, [legend, members, controls,
    el("small", { class: "error", role: "alert" })]);
}

function conditionNode(condition, path, parent, index) {
  const field = fieldsByKey.get(condition.field);
  const fieldSelect = el("select", { class: "field", "aria-label": "Field" }, [el("option", { value: "", text: "Choose a field…" })]);
  const groups = new Map();
  catalog.fields.forEach((f) => {
    if (!groups.has(f.group)) groups.set(f.group, el("optgroup", { label: f.group }));
    groups.get(f.group).append(el("option", { value: f.key, text: f.label }));
  });
  groups.forEach((g) => fieldSelect.append(g));
  fieldSelect.value = condition.field || "";
  fieldSelect.addEventListener("change", () => {
    const next = fieldsByKey.get(fieldSelect.value);
    if (!next) { delete condition.field; delete condition.operator; delete condition.value; }
    else { condition.field = next.key; condition.operator = next.operators[0]; delete condition.value; }
    changed(true);
  });
  const row = el("div", { class: "condition", "data-path": path }, [fieldSelect]);
  if (field) {
    const operatorSelect = el("select", { class: "operator", "aria-label": "Operator" },
      field.operators.map((op) => el("option", { value: op, text: OPERATOR_LABELS[op] || op })));
    operatorSelect.value = condition.operator;
    operatorSelect.addEventListener("change", () => {
      const before = valueShape(field, condition.operator);
      condition.operator = operatorSelect.value;
      if (valueShape(field, condition.operator) !== before || NO_VALUE.has(condition.operator)) delete condition.value;
      changed(true);
    });
    row.append(operatorSelect, valueInput(field, condition.operator, condition.value, catalog, (value) => {
      if (value === undefined || value === "") delete condition.value; else condition.value = value;
      changed(false);
    }, `${field.label} value`));
  }
  const remove = el("button", { type: "button", class: "secondary outline remove-condition",
    "aria-label": "Remove condition", text: "✕" });
  remove.addEventListener("click", () => { parent.conditions.splice(index, 1); changed(true); });
  row.append(remove, el("small", { class: "incomplete-note", text: "Incomplete: not counted yet" }),
    el("small", { class: "error", role: "alert" }));
  return row;
}

function focusLast(path) {
  const rows = tree.querySelectorAll(`[data-path^="${path}.conditions["] > select.field`);
  if (rows.length) rows[rows.length - 1].focus();
}

function refreshCompleteness() {
  tree.querySelectorAll(".condition").forEach((row) => {
    const node = nodeAt(row.dataset.path);
    row.classList.toggle("incomplete", !isComplete(fieldsByKey.get(node.field), node));
  });
}

function nodeAt(path) {
  let node = root;
  for (const match of path.matchAll(/\[(\d+)]/g)) node = node.conditions[Number(match[1])];
  return node;
}

/** The tree without incomplete conditions and without groups left empty, for the live count. */
function completeOnly(group, isRoot) {
  const members = group.conditions.map((m) => (isGroup(m) ? completeOnly(m, false)
    : isComplete(fieldsByKey.get(m.field), m) ? m : null)).filter(Boolean);
  if (!isRoot && members.length === 0) return null;
  return { match: group.match, conditions: members };
}

async function preview() {
  if (previewAbort) previewAbort.abort();
  previewAbort = new AbortController();
  countNode.setAttribute("aria-busy", "true");
  try {
    const response = await post("/audience/api/preview", { criteria: completeOnly(root, true) }, "POST", previewAbort.signal);
    const body = await response.json();
    if (!response.ok) { countNode.textContent = "Cannot count these conditions yet"; return; }
    countNode.textContent = `${body.count.toLocaleString()} ${body.count === 1 ? "lead matches" : "leads match"}`;
    countNode.dataset.count = body.count;
    sampleNode.replaceChildren(...body.sample.map((lead) => el("li", {}, [
      el("a", { href: `/leads/${lead.id}`, text: lead.name }), document.createTextNode(` · ${lead.status}`)])));
  } catch (error) {
    if (error.name !== "AbortError") countNode.textContent = "Count unavailable, retrying on the next change";
  } finally {
    countNode.removeAttribute("aria-busy");
  }
}

function post(url, body, method = "POST", signal = undefined) {
  return fetch(url, { method, signal, headers: { "Content-Type": "application/json", [csrf.header]: csrf.token },
    body: JSON.stringify(body) });
}

function showErrors(errors) {
  document.querySelectorAll(".error").forEach((node) => { node.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
  errors.forEach(({ path, message }) => {
    if (path === "name" || path === "description") {
      const input = document.getElementById(`segment-${path}`);
      input.setAttribute("aria-invalid", "true");
      document.getElementById(`segment-${path}-error`).textContent = message;
      return;
    }
    const owner = path.replace(/\.(field|operator|value|match|conditions)(\[\d+])?(\.[a-z_]+)?$/, "");
    const target = tree.querySelector(`[data-path="${CSS.escape(owner)}"] > .error`)
      || document.getElementById("form-error");
    target.textContent = (target.textContent ? target.textContent + " " : "") + message;
  });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const incomplete = tree.querySelectorAll(".condition.incomplete");
  if (incomplete.length) {
    incomplete.forEach((row) => { row.querySelector(".error").textContent = "Complete or remove this condition."; });
    incomplete[0].querySelector("select, input").focus();
    return;
  }
  const payload = { name: form.elements.name.value, description: form.elements.description.value, criteria: root };
  const response = await post(state.id ? `/audience/api/segments/${state.id}` : "/audience/api/segments", payload,
    state.id ? "PUT" : "POST");
  if (response.ok) {
    dirty = false;
    window.location.assign("/audience");
    return;
  }
  const problem = await response.json().catch(() => ({ errors: [] }));
  showErrors(problem.errors && problem.errors.length ? problem.errors : [{ path: "", message: problem.title || "Could not save" }]);
});

form.elements.name.addEventListener("input", () => { dirty = true; });
form.elements.description.addEventListener("input", () => { dirty = true; });
window.addEventListener("beforeunload", (event) => {
  if (dirty) { event.preventDefault(); event.returnValue = ""; }
});

render();
preview();
