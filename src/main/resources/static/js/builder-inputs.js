// Value inputs of the condition builder, one per field kind and operator. Each returns an element and reports
// changes through onChange(newValue). Text goes through textContent/value only, never innerHTML.

export const OPERATOR_LABELS = {
  is: "is", is_not: "is not", in: "is any of", not_in: "is none of",
  has_any: "has any of", has_all: "has all of", has_none: "has none of",
  is_empty: "is empty", is_not_empty: "is not empty",
  in_last_days: "in the last … days", not_in_last_days: "not in the last … days",
  before: "before", after: "after", between: "between",
  opened: "opened", not_opened: "did not open", clicked: "clicked a link in", not_clicked: "did not click in",
  contains: "contains", not_contains: "does not contain", starts_with: "starts with",
  gt: "greater than", gte: "at least", lt: "less than", lte: "at most",
};

const LIST_OPERATORS = new Set(["in", "not_in", "has_any", "has_all", "has_none"]);
export const NO_VALUE = new Set(["is_empty", "is_not_empty"]);

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  children.forEach((child) => node.append(child));
  return node;
}

export function valueShape(field, operator) {
  if (!operator || NO_VALUE.has(operator)) return "none";
  if (field.kind === "engagement") return "engagement";
  if (operator === "between") return "pair";
  if (LIST_OPERATORS.has(operator)) return "list";
  return "single";
}

export function isComplete(field, condition) {
  if (!field || !condition.operator) return false;
  const value = condition.value;
  switch (valueShape(field, condition.operator)) {
    case "none": return true;
    case "engagement": return value && value.campaign !== undefined && value.campaign !== "";
    case "pair": return Array.isArray(value) && value.length === 2 && value.every((v) => v !== "" && v !== null && v !== undefined);
    case "list": return Array.isArray(value) && value.length > 0;
    default: return value !== undefined && value !== null && value !== "";
  }
}

export function valueInput(field, operator, value, catalog, onChange, label) {
  const shape = valueShape(field, operator);
  if (shape === "none") return el("span", { class: "no-value" });
  if (shape === "engagement") return engagementInput(value, catalog, onChange);
  const options = optionsFor(field, catalog);
  if (shape === "list") {
    return options ? checkboxList(options, value || [], onChange, label)
      : chipInput(value || [], field.kind === "tags" ? catalog.tags : [], onChange, label);
  }
  if (shape === "pair") {
    const pair = Array.isArray(value) ? [...value] : ["", ""];
    const first = scalarInput(field, operator, pair[0], (v) => { pair[0] = v; onChange([...pair]); }, `${label} from`);
    const second = scalarInput(field, operator, pair[1], (v) => { pair[1] = v; onChange([...pair]); }, `${label} to`);
    return el("span", { class: "pair" }, [first, el("span", { text: " and " }), second]);
  }
  if (options) return selectInput(options, value, onChange, label);
  return scalarInput(field, operator, value, onChange, label);
}

function optionsFor(field, catalog) {
  if (field.kind === "choice") return field.options.map((o) => ({ value: o, label: o }));
  if (field.kind === "agent") return catalog.agents.map((a) => ({ value: a.id, label: a.name }));
  if (field.kind === "boolean") return [{ value: true, label: "Yes" }, { value: false, label: "No" }];
  return null;
}

function scalarInput(field, operator, value, onChange, label) {
  let type = "text";
  let parse = (v) => v;
  if (field.kind === "number") { type = "number"; parse = (v) => (v === "" ? "" : Number(v)); }
  if (field.kind === "date") {
    if (operator === "in_last_days" || operator === "not_in_last_days") {
      type = "number"; parse = (v) => (v === "" ? "" : parseInt(v, 10));
    } else {
      type = "date";
    }
  }
  const input = el("input", { type, "aria-label": label, class: "value-input", step: type === "number" ? "any" : null,
    min: operator && operator.endsWith("in_last_days") ? "1" : null });
  input.value = value === undefined || value === null ? "" : String(value);
  input.addEventListener("input", () => onChange(parse(input.value.trim())));
  return input;
}

function selectInput(options, value, onChange, label) {
  const select = el("select", { "aria-label": label, class: "value-input" },
    [el("option", { value: "", text: "Choose…" })]);
  options.forEach((option, index) => {
    const node = el("option", { value: String(index), text: option.label });
    if (value !== undefined && String(option.value).toLowerCase() === String(value).toLowerCase()) node.selected = true;
    select.append(node);
  });
  select.addEventListener("change", () => onChange(select.value === "" ? "" : options[Number(select.value)].value));
  return select;
}

function checkboxList(options, values, onChange, label) {
  const chosen = new Set(values.map((v) => String(v).toLowerCase()));
  const box = el("fieldset", { class: "checkboxes" }, [el("legend", { class: "visually-hidden", text: label })]);
  options.forEach((option) => {
    const id = nextId("opt");
    const input = el("input", { type: "checkbox", id, value: String(option.value) });
    input.checked = chosen.has(String(option.value).toLowerCase());
    input.addEventListener("change", () => {
      const selected = options.filter((o) => box.querySelector(`input[value="${CSS.escape(String(o.value))}"]`).checked)
        .map((o) => o.value);
      onChange(selected);
    });
    box.append(el("label", { for: id }, [input, document.createTextNode(" " + option.label)]));
  });
  return box;
}

function chipInput(values, suggestions, onChange, label) {
  const chips = [...values];
  const listId = nextId("suggest");
  const wrapper = el("span", { class: "chips" });
  const input = el("input", { type: "text", list: listId, "aria-label": `${label}: type and press Enter`,
    placeholder: "Type, then Enter", class: "chip-entry" });
  const datalist = el("datalist", { id: listId }, suggestions.map((s) => el("option", { value: s })));
  const render = () => {
    wrapper.querySelectorAll(".chip").forEach((chip) => chip.remove());
    chips.forEach((value, index) => {
      const remove = el("button", { type: "button", class: "chip-remove", "aria-label": `Remove ${value}`, text: "×" });
      remove.addEventListener("click", () => { chips.splice(index, 1); render(); onChange([...chips]); });
      wrapper.insertBefore(el("span", { class: "chip" }, [document.createTextNode(value + " "), remove]), input);
    });
  };
  const add = () => {
    input.value.split(",").map((v) => v.trim()).filter(Boolean).forEach((v) => {
      if (!chips.some((c) => c.toLowerCase() === v.toLowerCase())) chips.push(v);
    });
    input.value = "";
    render();
    onChange([...chips]);
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === ",") { event.preventDefault(); add(); }
    if (event.key === "Backspace" && input.value === "" && chips.length) { chips.pop(); render(); onChange([...chips]); }
  });
  input.addEventListener("change", () => { if (suggestions.includes(input.value)) add(); });
  input.addEventListener("blur", () => { if (input.value.trim()) add(); });
  wrapper.append(input, datalist);
  render();
  return wrapper;
}

function engagementInput(value, catalog, onChange) {
  const current = { ...(value || {}) };
  const options = [{ value: "last", label: "the last campaign" }, { value: "any", label: "any campaign" },
    ...catalog.campaigns.map((c) => ({ value: c.id, label: `campaign “${c.name}”` }))];
  const campaign = selectInput(options, current.campaign, (v) => {
    if (v === "") delete current.campaign; else current.campaign = v;
    onChange({ ...current });
  }, "Campaign");
  const days = el("input", { type: "number", min: "1", "aria-label": "Within the last days (optional)",
    placeholder: "any time", class: "value-input days" });
  days.value = current.within_days ?? "";
  days.addEventListener("input", () => {
    const n = parseInt(days.value, 10);
    if (Number.isNaN(n)) delete current.within_days; else current.within_days = n;
    onChange({ ...current });
  });
  return el("span", { class: "engagement" }, [campaign, el("span", { text: " within the last " }), days,
    el("span", { text: " days" })]);
}

export { el };
