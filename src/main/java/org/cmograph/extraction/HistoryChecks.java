package org.cmograph.extraction;

import java.util.List;
import java.util.Map;
import org.cmograph.util.Suggest;

/**
 * The checks on one theory configuration's history: versions the theory lists, in order; a history
 * that starts with how the configuration entered the theory and ends it at most once; {@code
 * revises} where the change needs it and only there, naming configurations of earlier versions; and
 * prompts that name evidence items or configurations of the studies loaded with the theory.
 */
final class HistoryChecks {
  private final PositionedDocument doc;
  private final Map<String, Integer> versions;
  private final Map<String, ProgrammeTheory.TheoryCmoc> cmocs;
  private final TheoryValidator.Studies studies;

  HistoryChecks(
      PositionedDocument doc,
      Map<String, Integer> versions,
      Map<String, ProgrammeTheory.TheoryCmoc> cmocs,
      TheoryValidator.Studies studies) {
    this.doc = doc;
    this.versions = versions;
    this.cmocs = cmocs;
    this.studies = studies;
  }

  void check(ProgrammeTheory.TheoryCmoc c, List<Problem> out) {
    int previous = -1;
    boolean dropped = false;
    for (int i = 0; i < c.history().size(); i++) {
      ProgrammeTheory.Change e = c.history().get(i);
      Integer at = e.version() == null ? null : versions.get(e.version());
      if (e.version() != null && at == null) {
        out.add(
            error(
                e.pointer() + "/version",
                "UNKNOWN-VERSION",
                "history names version '"
                    + e.version()
                    + "', which theory.versions does not list"
                    + Suggest.didYouMean(e.version(), versions.keySet())));
      }
      if (at != null && at < previous) {
        out.add(
            error(
                e.pointer() + "/version",
                "HISTORY-ORDER",
                "version '"
                    + e.version()
                    + "' comes before the previous entry's; list a"
                    + " configuration's history in version order"));
      }
      if (e.change() != null) {
        boolean origin = !e.change().equals("dropped");
        if (i == 0 && !origin) {
          out.add(
              error(
                  e.pointer() + "/change",
                  "HISTORY-ORDER",
                  "a history starts with how the configuration entered the theory (added,"
                      + " refined, split or merged), not with 'dropped'"));
        } else if (i > 0 && origin) {
          out.add(
              error(
                  e.pointer() + "/change",
                  "HISTORY-ORDER",
                  "'"
                      + e.change()
                      + "' after the first entry: a configuration enters the theory once; a"
                      + " changed configuration is a new one that revises it"));
        }
        if (e.change().equals("dropped") && i > 0) {
          if (dropped) {
            out.add(
                error(
                    e.pointer() + "/change",
                    "DROPPED-TWICE",
                    "'" + c.id() + "' is already dropped earlier in its history"));
          }
          dropped = true;
        }
        revises(c, e, at, out);
      }
      promptedBy(e, out);
      if (at != null) {
        previous = Math.max(previous, at);
      }
    }
  }

  private void revises(
      ProgrammeTheory.TheoryCmoc c, ProgrammeTheory.Change e, Integer at, List<Problem> out) {
    boolean needs =
        e.change().equals("refined") || e.change().equals("split") || e.change().equals("merged");
    if (needs && e.revises().isEmpty()) {
      out.add(
          error(
              e.pointer() + "/change",
              "REVISES-MISSING",
              "a '"
                  + e.change()
                  + "' configuration names the configuration(s) it replaces in 'revises'"));
    }
    if (!needs && !e.revises().isEmpty()) {
      out.add(
          error(
              e.pointer() + "/revises",
              "REVISES-NOT-ALLOWED",
              "'"
                  + e.change()
                  + "' revises nothing; a configuration that replaces another is 'refined',"
                  + " 'split' or 'merged'"));
      return;
    }
    for (int i = 0; i < e.revises().size(); i++) {
      String id = e.revises().get(i);
      String pointer = e.pointer() + "/revises/" + i;
      ProgrammeTheory.TheoryCmoc revised = cmocs.get(id);
      if (revised == null) {
        out.add(TheoryValidator.unknownCmoc(doc, pointer, "revises", id, cmocs.keySet()));
        continue;
      }
      Integer entered = entered(revised);
      if (at != null && entered != null && entered >= at) {
        out.add(
            error(
                pointer,
                "REVISES-LATER",
                id.equals(c.id())
                    ? "'" + id + "' cannot revise itself"
                    : "'"
                        + id
                        + "' enters the theory in version '"
                        + revised.history().get(0).version()
                        + "', not before '"
                        + e.version()
                        + "'; a change revises a configuration of an earlier version"));
      }
    }
  }

  private Integer entered(ProgrammeTheory.TheoryCmoc c) {
    return c.history().isEmpty() || c.history().get(0).version() == null
        ? null
        : versions.get(c.history().get(0).version());
  }

  private void promptedBy(ProgrammeTheory.Change e, List<Problem> out) {
    for (ProgrammeTheory.Prompt p : e.promptedBy()) {
      if ((p.evidence() == null) == (p.cmoc() == null)) {
        out.add(
            error(
                p.pointer(),
                "PROMPT-TARGET",
                "prompted_by names one evidence item ('evidence') or one configuration ('cmoc')"
                    + " of the study, not "
                    + (p.evidence() == null ? "neither" : "both")));
        continue;
      }
      if (studies == null || p.study() == null) {
        continue;
      }
      if (!studies.ids().contains(p.study())) {
        out.add(
            error(
                p.pointer() + "/study",
                "UNKNOWN-PROMPT",
                "prompted_by names study '"
                    + p.study()
                    + "', which is not among the validated studies"
                    + Suggest.didYouMean(p.study(), studies.ids())));
        continue;
      }
      boolean evidence = p.evidence() != null;
      String id = evidence ? p.evidence() : p.cmoc();
      var known = (evidence ? studies.evidence() : studies.cmocs()).get(p.study());
      if (!known.contains(id)) {
        out.add(
            error(
                p.pointer() + (evidence ? "/evidence" : "/cmoc"),
                "UNKNOWN-PROMPT",
                "prompted_by names "
                    + (evidence ? "evidence item '" : "configuration '")
                    + id
                    + "', which study '"
                    + p.study()
                    + "' does not have"
                    + Suggest.didYouMean(id, known)));
      }
    }
  }

  private Problem error(String pointer, String code, String message) {
    return Problem.error(doc.file(), doc.valueAt(pointer), code, message);
  }
}
