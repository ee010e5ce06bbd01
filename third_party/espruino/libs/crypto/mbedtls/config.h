/*
 *  Minimal configuration for TLS 1.1 (RFC 4346)
 *
 *  Copyright (C) 2006-2015, ARM Limited, All Rights Reserved
 *  SPDX-License-Identifier: Apache-2.0
 *
 *  Licensed under the Apache License, Version 2.0 (the "License"); you may
 *  not use this file except in compliance with the License.
 *  You may obtain a copy of the License at
 *
 *  http://www.apache.org/licenses/LICENSE-2.0
 *
 *  Unless required by applicable law or agreed to in writing, software
 *  distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
 *  WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 *  See the License for the specific language governing permissions and
 *  limitations under the License.
 *
 *  This file is part of mbed TLS (https://tls.mbed.org)
 */
/*
 * Minimal configuration for TLS 1.1 (RFC 4346), implementing only the
 * required ciphersuite: MBEDTLS_TLS_RSA_WITH_3DES_EDE_CBC_SHA
 *
 * See README.txt for usage instructions.
 */

#if ESP_IDF_VERSION_MAJOR>=5
// ESP32 IDF5 provides its own mbedtls, but paths mean this config file gets loaded by accident
#include "mbedtls/mbedtls/include/mbedtls/config.h"
#else

#ifndef MBEDTLS_CONFIG_H
#define MBEDTLS_CONFIG_H

#define MBEDTLS_PLATFORM_SNPRINTF_MACRO espruino_snprintf

// See aes.c. Do we want 10kB of data full of constants? no.
#define MBEDTLS_AES_ROM_TABLES
// Use non-unrolled SHA256
#define MBEDTLS_SHA256_SMALLER


#ifdef USE_TLS

/* mbed TLS feature support */
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_KEY_EXCHANGE_RSA_ENABLED // this isn't used much now, could be removed
#define MBEDTLS_KEY_EXCHANGE_DHE_RSA_ENABLED
#define MBEDTLS_SSL_PROTO_TLS1_2

/* mbed TLS modules */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ENTROPY_C
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_RSA_C
#define MBEDTLS_DHM_C
#define MBEDTLS_GCM_C

#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_SRV_C
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_USE_C

/**
 * Enables specific curves within the Elliptic Curve module.
 * By default all supported curves are enabled.
 */
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECP_DP_SECP224R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_SECP521R1_ENABLED
#define MBEDTLS_ECP_DP_SECP192K1_ENABLED
#define MBEDTLS_ECP_DP_SECP224K1_ENABLED
#define MBEDTLS_ECP_DP_SECP256K1_ENABLED
#define MBEDTLS_ECP_DP_BP256R1_ENABLED
#define MBEDTLS_ECP_DP_BP384R1_ENABLED
#define MBEDTLS_ECP_DP_BP512R1_ENABLED
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED

#ifdef ESPR_TLS_LIKE_ESP_IDF
/* espruino-kit patch: the real ESP32 firmware links ESP-IDF's own mbedtls
 * (make/family/ESP32.make: -lmbedtls) whose default config offers ECDHE key
 * exchange with RSA and ECDSA certificates - the only TLS 1.2 key exchanges
 * many servers (e.g. rustls/Deno) accept. This minimal config only had RSA and
 * DHE_RSA. Set (board files LINUX_ESP32*.py) to make the Linux ESP32-like
 * builds offer what ESP-IDF's defaults offer for a TLS 1.2 client. */
#define MBEDTLS_KEY_EXCHANGE_ECDHE_RSA_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ASN1_WRITE_C   /* required by MBEDTLS_ECDSA_C */
#define MBEDTLS_ASN1_PARSE_C   /* required by MBEDTLS_ECDSA_C (also set by USE_AES) */
#define MBEDTLS_OID_C
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET   /* on in ESP-IDF's config too */
#define MBEDTLS_SSL_ENCRYPT_THEN_MAC         /* on in ESP-IDF's config too */
#ifndef MBEDTLS_SHA256_C
#define MBEDTLS_SHA256_C
#endif
#ifndef MBEDTLS_SHA512_C
#define MBEDTLS_SHA512_C
#endif
/* MBEDTLS_GCM_C, MBEDTLS_AES_C (USE_TLS implies USE_AES) and the SECP256R1/
 * SECP384R1/CURVE25519 curves are already enabled above. (This mbedtls, 2.1.1,
 * has no TLS group id for Curve25519, so ECDHE uses secp256r1/secp384r1.) */
#endif // ESPR_TLS_LIKE_ESP_IDF

#endif

#ifdef USE_AES
/* common mbed TLS feature support */
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_MODE_CFB
#define MBEDTLS_CIPHER_MODE_CTR
/* common mbed TLS modules */
#define MBEDTLS_AES_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_MD_C
#define MBEDTLS_OID_C
#define MBEDTLS_PKCS5_C
#endif
#ifndef USE_SHA1_JS
#define MBEDTLS_SHA1_C
#endif
#ifdef USE_SHA256
#define MBEDTLS_SHA256_C
#endif
#ifdef USE_SHA512
#define MBEDTLS_SHA512_C
#endif
#ifdef USE_AES_CCM
#define MBEDTLS_CCM_C
#ifndef USE_AES
#define MBEDTLS_AES_C
#define MBEDTLS_CIPHER_C
#endif
#endif

#include "jsvar.h"

#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY

#if defined(LINUX) && defined(ESPR_KIT_ESP32_EMU)
/* espruino-kit patch: ESP32 builds use ESP-IDF's mbedtls, which allocates from
 * the C heap - TLS buffers do not use JsVars there. Do the same here (set
 * ESPRUINO_TLS_IN_JSVARS=1 for the stock Linux behaviour: jsvMalloc). See
 * targets/linux/jshardware.c */
void *jshLinuxTlsCalloc(size_t n, size_t size);
void jshLinuxTlsFree(void *ptr);
#define MBEDTLS_PLATFORM_CALLOC_MACRO(X,Y) jshLinuxTlsCalloc((X),(Y))
#define MBEDTLS_PLATFORM_FREE_MACRO(X) jshLinuxTlsFree(X)
#else
/** Memory allocation - note that any memory allocated this way must
 * be freed before 'jsvKill' happens see jsvMalloc for more info */
#define MBEDTLS_PLATFORM_CALLOC_MACRO(X,Y) jsvMalloc((X)*(Y))
#define MBEDTLS_PLATFORM_FREE_MACRO(X) jsvFree(X)
#endif

/* use flash safe version of memcpy so that rodata can be moved to irom */
#ifdef ESP8266
#define memcpy(d,s,n) flash_memcpy(d,s,n)
#endif


#include "mbedtls/check_config.h"

#endif /* MBEDTLS_CONFIG_H */
#endif // ESP_IDF_VERSION_MAJOR
