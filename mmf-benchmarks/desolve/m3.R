# The comparison run of RESULTS.md: R deSolve with the M3 model compiled in C (m3.c; build it with
# `R CMD SHLIB m3.c`, run with `Rscript m3.R SUBJECTS METHOD`, METHOD ode45 by default: lsoda, lsode, vode,
# bdf and daspk stop early on the gallbladder switch even with the window edges as events).
# One subject = new parameters drawn (Jiao 2008's typical values at 70 kg and its variability, as
# Populations.jiao2008), 14 days of MMF 1000 mg every 12 h from 08:00, gallbladder emptying at clock meals (7.5, 12, 19 h for 1 h),
# then C0, AUC over the dosing interval [320, 332] h (an AUC state) and Cmax on a 0.01 h grid there.
suppressMessages(library(deSolve))
dyn.load("m3.so")
args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) > 0) as.integer(args[1]) else 200
method <- if (length(args) > 1) args[2] else "ode45"
set.seed(1)
w <- 70 / 65.5
typ <- c(ka = 3.53, lag = 0.0956, cl = 10.2 * w, vc = 12.5, q = 16.1 * w, vp = 213 * w, clm = 1.38, vm = 4.40, ehcp = 0.291)
om <- c(lag = 0.281, ka = 0.308, Q = 0.0186, CL = 0.0351, Vc = 0.1125, Vp = 0.0502, Vmpag = 0.0520, EHCP = 0.0807)
times <- c(0, 320 + (0:1200) / 100)
doses <- 8 + 12 * (0:27)
# the meal windows' edges, as events that add nothing: lsoda restarts there instead of stepping over a switch
edges <- sort(as.vector(outer(c(7.5, 8.5, 12, 13, 19, 20), 24 * (0:13), "+")))
edges <- edges[edges <= 332]
subject <- function() {
  eta <- rnorm(8, 0, sqrt(om))
  ka <- typ[["ka"]] * exp(eta[2]); lag <- typ[["lag"]] * exp(eta[1]); cl <- typ[["cl"]] * exp(eta[4])
  vc <- typ[["vc"]] * exp(eta[5]); q <- typ[["q"]] * exp(eta[3]); vp <- typ[["vp"]] * exp(eta[6])
  clm <- typ[["clm"]] * exp(1.33 * eta[3]); vm <- typ[["vm"]] * exp(eta[7]); ehcp <- min(0.999, typ[["ehcp"]] * exp(eta[8]))
  k40 <- clm / vm; k45 <- k40 * ehcp / (1 - ehcp)
  p <- c(ka, 0, q / vc, q / vp, k40, k45, 67.5, vc, cl / vc)
  ev <- data.frame(var = c(rep("depot", length(doses)), rep("gallbladder", length(edges))),
                   time = c(doses + lag, edges), value = c(rep(1000, length(doses)), rep(0, length(edges))),
                   method = "add")
  ev <- ev[order(ev$time), ]
  out <- suppressWarnings(ode(method = method, y = c(depot = 0, central = 0, peripheral = 0, mpag = 0, gallbladder = 0, auc = 0), times = times, func = "derivs", parms = p, dllname = "m3",
               initfunc = "initmod", events = list(data = ev), rtol = 1e-8, atol = 1e-10))
  tt <- out[, "time"]; i0 <- which(tt == 320)[1]; i1 <- which(tt == 332)[1]
  unname(c(out[i0, 3] / vc, out[i1, 7] - out[i0, 7], max(out[tt >= 320 & tt <= 332, 3]) / vc))
}
invisible(subject())  # the first call loads what it loads
t <- system.time(res <- replicate(n, subject()))
cat(sprintf("method %s ", method))
cat(sprintf("subjects %d cpu_s %.3f wall_s %.3f per_subject_cpu_ms %.3f mean_auc %.3f\n", n,
            t[["user.self"]] + t[["sys.self"]], t[["elapsed"]], 1000 * (t[["user.self"]] + t[["sys.self"]]) / n,
            mean(res[2, ])))
