#!/bin/bash
#
# This is sourced from /home/vagrant/.bashrc, triggered by vagrant ssh
#
export PATH="$PATH:/usr/local/gcc-arm-embedded/bin/"