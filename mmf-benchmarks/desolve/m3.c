/* M3 (Jiao 2008 structure): depot, central, peripheral, mpag, gallbladder + AUC of central/V;
   the gallbladder empties into the depot at kgb while a clock meal window is open (7.5, 12, 19 h; 1 h). */
#include <R.h>
#include <math.h>
static double parms[9];
#define ka parms[0]
#define k10 parms[1]
#define k12 parms[2]
#define k21 parms[3]
#define k40 parms[4]
#define k45 parms[5]
#define kgb parms[6]
#define vc parms[7]
#define k14 parms[8]
void initmod(void (* odeparms)(int *, double *)) { int N = 9; odeparms(&N, parms); }
static int open_at(double t) {
  double h = fmod(t, 24.0);
  return (h >= 7.5 && h < 8.5) || (h >= 12 && h < 13) || (h >= 19 && h < 20);
}
void derivs(int *neq, double *t, double *y, double *ydot, double *yout, int *ip) {
  double g = open_at(*t) ? kgb : 0;
  ydot[0] = -ka * y[0] + g * y[4];
  ydot[1] = ka * y[0] - (k14 + k12) * y[1] + k21 * y[2];
  ydot[2] = k12 * y[1] - k21 * y[2];
  ydot[3] = k14 * y[1] - (k40 + k45) * y[3];
  ydot[4] = k45 * y[3] - g * y[4];
  ydot[5] = y[1] / vc;
}
