/** The credential form: keeps the token or API key in this browser and finds what it may see. */
import { readCredential, storeCredential } from "../explorer/credential.js";
import * as api from "./api.js";
import { $, canvas, counts, problem, say, session } from "./page.js";

let asking = 0;

export async function useCredential(): Promise<void> {
  const asked = ++asking;
  $("#role").textContent = "checking…";
  const credential = readCredential();
  if (credential) canvas.setAttribute("token", credential);
  else canvas.removeAttribute("token");
  if (!credential) {
    // Asking without a credential would only be refused (401), unless the API runs with PUBLIC_DEMO.
    session.clearance = { signedIn: false, analyst: false, investigator: false };
    $("#role").textContent = "not signed in";
    say("Paste a token or an API key to begin (where the API runs with PUBLIC_DEMO, search right away).");
    return;
  }
  try {
    const found = await api.probeClearance();
    // An answer for a credential given before the last one is of no use.
    if (asked !== asking) return;
    session.clearance = found;
    $("#role").textContent = api.roleName(session.clearance);
    $("#role").dataset.role = api.roleName(session.clearance);
    say(session.clearance.signedIn ? "Search for a name, a phone, an e-mail or an id, and add what you find to the canvas." : "Paste a token or an API key to begin.");
  } catch (error) {
    problem(error, "Signing in");
  }
}

$("#credential-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>("#credential");
  storeCredential(input.value);
  input.value = "";
  counts.clear();
  session.ringOf = null;
  void useCredential();
});
