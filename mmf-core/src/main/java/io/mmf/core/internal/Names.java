package io.mmf.core.internal;

import io.mmf.core.UnknownNameException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Case- and punctuation-insensitive name look-up with close-match suggestions, shared by every
 * catalog (conditions, formulations, co-medications).
 *
 * @param <T> what the names point to
 */
public final class Names<T> {
  private final String kind;
  private final Function<T, String> canonical;
  /** Normalised name -> (display name, value). */
  private final Map<String, Map.Entry<String, T>> byKey = new LinkedHashMap<>();

  /**
   * Starts an empty index whose suggestions are the names that matched.
   *
   * @param kind what is looked up, for error messages
   */
  public Names(String kind) {
    this(kind, null);
  }

  /**
   * Starts an empty index whose suggestions are each value's canonical name (e.g. its id), so a user
   * can type a suggestion back.
   *
   * @param kind what is looked up, for error messages
   * @param canonical the name to suggest for a value, or null to suggest the name that matched
   */
  public Names(String kind, Function<T, String> canonical) {
    this.kind = Checks.notBlank(kind, "kind");
    this.canonical = canonical;
  }

  /**
   * Normalises a name: lower case, apostrophes dropped, every run of other non-alphanumerics one space.
   *
   * @param name the name
   * @return the key it is indexed under
   */
  public static String normalise(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
    return lower.replaceAll("[^a-z0-9]+", " ").trim();
  }

  /**
   * Adds a name for a value.
   *
   * @param name the display name
   * @param value what it points to
   * @return this index
   * @throws IllegalStateException if the name already points to another value
   */
  public Names<T> add(String name, T value) {
    String key = normalise(name);
    Map.Entry<String, T> previous = byKey.putIfAbsent(key, Map.entry(name, value));
    if (previous != null && !previous.getValue().equals(value)) {
      throw new IllegalStateException(kind + " name '" + name + "' is ambiguous");
    }
    return this;
  }

  /**
   * Finds a value by any of its names, or empty.
   *
   * @param name the name as the user gave it
   * @return the value, or empty
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<T> find(String name) {
    Checks.notNull(name, kind + " name");
    Map.Entry<String, T> hit = byKey.get(normalise(name));
    return hit == null ? Optional.empty() : Optional.of(hit.getValue());
  }

  /**
   * Finds a value by any of its names.
   *
   * @param name the name as the user gave it
   * @return the value
   * @throws UnknownNameException if no name matches; it lists up to five close matches
   */
  public T get(String name) {
    return find(name).orElseThrow(() -> new UnknownNameException(kind, name, suggest(name, 5)));
  }

  /**
   * Up to {@code max} known display names closest to {@code name}, best first.
   *
   * @param name the name as the user gave it
   * @param max how many at most
   * @return the closest names
   */
  public List<String> suggest(String name, int max) {
    String key = normalise(name);
    List<Map.Entry<String, Integer>> scored = new ArrayList<>();
    for (Map.Entry<String, Map.Entry<String, T>> e : byKey.entrySet()) {
      String candidate = e.getKey();
      int allowed = Math.max(2, candidate.length() / 3);
      // the distance is at least the difference in length: past the allowance it need not be computed,
      // which keeps a look-up of a megabyte-long name linear instead of hours long
      int distance = Math.abs(key.length() - candidate.length()) > allowed ? Integer.MAX_VALUE
          : levenshtein(key, candidate);
      boolean contains = !key.isEmpty() && (candidate.contains(key) || key.contains(candidate));
      if (contains || distance <= allowed) {
        String shown = canonical == null ? e.getValue().getKey() : canonical.apply(e.getValue().getValue());
        scored.add(Map.entry(shown, contains ? Math.min(distance, 1) : distance));
      }
    }
    // Best score first; a stable sort keeps index order among equals.
    scored.sort(Comparator.comparingInt(Map.Entry<String, Integer>::getValue));
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : scored) {
      if (!out.contains(e.getKey())) {
        out.add(e.getKey());
      }
      if (out.size() == max) {
        break;
      }
    }
    return out;
  }

  /**
   * The edit distance between two strings: the fewest insertions, deletions and substitutions of single
   * characters that turn one into the other.
   *
   * @param a one string
   * @param b the other
   * @return the distance, &gt;= 0
   */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
