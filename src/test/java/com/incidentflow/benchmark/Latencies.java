package com.incidentflow.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run saw: the latency of every answered request by what it did (the step, or the kind of
 * request), and every answer that was not 2xx by status and step, with one body per kind as a sample.
 */
final class Latencies {

  private final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
  private final Map<String, String> refusalSamples = new ConcurrentHashMap<>();

  void record(String what, double ms) {
    millis.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
  }

  void refused(String what, int status, String body) {
    String key = status + " " + what;
    refusals.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    refusalSamples.putIfAbsent(key, body == null ? "" : body.replaceAll("\\s+", " "));
  }

  List<Double> of(String what) {
    List<Double> values = millis.get(what);
    if (values == null) {
      return List.of();
    }
    synchronized (values) {
      return new ArrayList<>(values);
    }
  }

  Map<String, List<Double>> all() {
    Map<String, List<Double>> copy = new TreeMap<>();
    millis.keySet().forEach(what -> copy.put(what, of(what)));
    return copy;
  }

  /** "status step" → count, sorted. */
  Map<String, Integer> refusals() {
    Map<String, Integer> counts = new TreeMap<>();
    refusals.forEach((key, n) -> counts.put(key, n.get()));
    return counts;
  }

  String sample(String refusal) {
    String body = refusalSamples.getOrDefault(refusal, "");
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }

  int refusalCount() {
    return refusals.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
